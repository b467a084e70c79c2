package dev.outpost.democity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Pools of fictional Chinese place-name stems with their pinyin, and helpers to build road and place names. */
final class Names {
    /** A stem: two Chinese characters and their pinyin (without tones), e.g. 桂花 / Guihua. */
    record Stem(String zh, String en) {}

    /** The name of one street line. */
    record RoadName(String zh, String en, Stem stem) {}

    private static final String[] STEMS = {
        "人民", "Renmin", "解放", "Jiefang", "建设", "Jianshe", "中山", "Zhongshan", "文化", "Wenhua",
        "和平", "Heping", "新华", "Xinhua", "东风", "Dongfeng", "光明", "Guangming", "幸福", "Xingfu",
        "长青", "Changqing", "松柏", "Songbai", "桂花", "Guihua", "荔枝", "Lizhi", "福民", "Fumin",
        "安居", "Anju", "富强", "Fuqiang", "民主", "Minzhu", "友谊", "Youyi", "科技", "Keji",
        "创业", "Chuangye", "学府", "Xuefu", "海港", "Haigang", "金融", "Jinrong", "迎宾", "Yingbin",
        "朝阳", "Chaoyang", "翠竹", "Cuizhu", "梅林", "Meilin", "枫林", "Fenglin", "丹桂", "Dangui",
        "莲花", "Lianhua", "玉兰", "Yulan", "白云", "Baiyun", "青山", "Qingshan", "碧水", "Bishui",
        "银湖", "Yinhu", "金沙", "Jinsha", "红岭", "Hongling", "振兴", "Zhenxing", "繁华", "Fanhua",
        "永安", "Yong'an", "长安", "Chang'an", "太平", "Taiping", "致远", "Zhiyuan", "求是", "Qiushi",
        "明德", "Mingde", "崇文", "Chongwen", "百花", "Baihua", "万象", "Wanxiang", "锦绣", "Jinxiu",
        "华强", "Huaqiang", "滨河", "Binhe", "沿江", "Yanjiang", "龙华", "Longhua", "凤凰", "Fenghuang",
        "白鹭", "Bailu", "榕树", "Rongshu", "木棉", "Mumian", "紫荆", "Zijing", "芙蓉", "Furong",
        "杜鹃", "Dujuan", "茶园", "Chayuan", "果园", "Guoyuan", "竹林", "Zhulin", "松岗", "Songgang",
        "石岩", "Shiyan", "沙河", "Shahe", "新城", "Xincheng", "东门", "Dongmen", "西门", "Ximen",
        "南门", "Nanmen", "北门", "Beimen", "园岭", "Yuanling", "星河", "Xinghe", "彩虹", "Caihong",
        "晨光", "Chenguang", "春风", "Chunfeng", "宝华", "Baohua", "德政", "Dezheng", "仁和", "Renhe",
        "同心", "Tongxin", "团结", "Tuanjie", "育才", "Yucai", "工业", "Gongye", "商业", "Shangye",
        "兴业", "Xingye", "创新", "Chuangxin", "高新", "Gaoxin", "海滨", "Haibin", "港湾", "Gangwan",
        "渔港", "Yugang", "湖滨", "Hubin", "清水", "Qingshui", "龙泉", "Longquan", "紫云", "Ziyun",
        "祥云", "Xiangyun", "瑞丰", "Ruifeng", "丰收", "Fengshou", "稻香", "Daoxiang", "荷塘", "Hetang",
        "柳岸", "Liu'an", "杨梅", "Yangmei", "龙眼", "Longyan", "香蜜", "Xiangmi", "景田", "Jingtian",
        "华富", "Huafu", "安康", "Ankang", "宁静", "Ningjing", "书香", "Shuxiang", "文昌", "Wenchang",
        "鹏程", "Pengcheng", "腾飞", "Tengfei", "旭日", "Xuri", "明珠", "Mingzhu", "翡翠", "Feicui",
        "梧桐", "Wutong", "银杏", "Yinxing", "海棠", "Haitang", "茉莉", "Moli", "兰亭", "Lanting",
        "嘉宾", "Jiabin", "上林", "Shanglin", "南山", "Nanshan", "北环", "Beihuan", "东环", "Donghuan",
        "西环", "Xihuan", "环城", "Huancheng", "滨江", "Binjiang", "临江", "Linjiang", "江畔", "Jiangpan",
        "青松", "Qingsong", "金桂", "Jingui", "银河", "Yinhe", "泰安", "Tai'an", "兴华", "Xinghua",
        "恒通", "Hengtong", "广源", "Guangyuan", "丰泽", "Fengze", "福田", "Futian", "洪湖", "Honghu",
    };

    private static final String[] CHINESE_ORDINALS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private static final String[] ENGLISH_ORDINALS = {
        "", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"
    };

    private static final String[] SURNAMES = {"陈", "李", "张", "王", "刘", "黄", "林", "何", "罗", "梁", "郑", "谢", "吴", "周"};

    private static final String[] DISHES = {
        "肠粉", "牛肉面", "烧腊饭", "快餐", "粥铺", "饺子馆", "猪脚饭", "拉面", "麻辣烫", "茶餐厅", "米粉店", "包子铺"
    };

    private Names() {}

    /** All stems, in a seed-dependent order. */
    static List<Stem> shuffledStems(Random random) {
        List<Stem> stems = new ArrayList<>();
        for (int k = 0; k < STEMS.length; k += 2) {
            stems.add(new Stem(STEMS[k], STEMS[k + 1]));
        }
        Seeds.shuffle(stems, random);
        return stems;
    }

    static int stemCount() {
        return STEMS.length / 2;
    }

    /**
     * The name of the {@code index}-th street using the stem pool {@code stems}: the stem, an ordinal once the pool is
     * used up (桂花二路 / Guihua 2nd Road), and a suffix by class: 大道 for primary roads, 路 for rows and secondary
     * roads, 街 for local columns.
     */
    static RoadName road(List<Stem> stems, int index, String highway, boolean column) {
        Stem stem = stems.get(index % stems.size());
        int ordinal = index / stems.size();
        if (ordinal >= CHINESE_ORDINALS.length) {
            throw new IllegalStateException("too many streets for the name pool: " + index);
        }
        String suffixZh;
        String suffixEn;
        if ("primary".equals(highway)) {
            suffixZh = "大道";
            suffixEn = "Avenue";
        } else if (!column || "secondary".equals(highway)) {
            suffixZh = "路";
            suffixEn = "Road";
        } else {
            suffixZh = "街";
            suffixEn = "Street";
        }
        String zh = stem.zh() + CHINESE_ORDINALS[ordinal] + suffixZh;
        String en = stem.en() + " " + (ordinal == 0 ? "" : ENGLISH_ORDINALS[ordinal] + " ") + suffixEn;
        return new RoadName(zh, en, stem);
    }

    /** A Chinese ordinal suffix for repeated branch names: "", 二, 三 … then Arabic numbers. */
    static String branchOrdinal(int n) {
        if (n <= 1) {
            return "";
        }
        return n < CHINESE_ORDINALS.length ? CHINESE_ORDINALS[n] : Integer.toString(n);
    }

    /** A small eatery's name such as 陈记肠粉. */
    static String eatery(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + "记" + DISHES[random.nextInt(DISHES.length)];
    }
}
