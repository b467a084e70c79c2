/**
 * Administrative areas and their hierarchy (district 区/县 → subdistrict 街道/乡镇 → community 社区/村), with
 * population, planning targets and WGS 84 boundaries; the repository interface that {@code store} implements.
 */
package dev.outpost.district;
