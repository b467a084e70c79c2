package dev.outpost.siting;

import java.util.List;

/**
 * A limit on the number of new sites opened among a group of candidates (typically the candidates of one district).
 * Fixed (existing) sites in the group do not count. Immutable.
 *
 * @param group the group's name, for messages
 * @param members candidate names, at least one; copied
 * @param minNewSites at least this many new sites in the group, {@code >= 0}
 * @param maxNewSites at most this many, {@code >= minNewSites}
 */
public record GroupLimit(String group, List<String> members, int minNewSites, int maxNewSites) {
    public GroupLimit {
        if (group == null || group.isEmpty()) {
            throw new IllegalArgumentException("group name is empty");
        }
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("group '" + group + "' has no members");
        }
        if (minNewSites < 0 || maxNewSites < minNewSites) {
            throw new IllegalArgumentException("group '" + group + "': limits " + minNewSites + ".." + maxNewSites
                    + " must satisfy 0 <= min <= max");
        }
    }
}
