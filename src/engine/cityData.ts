/**
 * Reference data for city normalisation: China's 34 province-level divisions and every
 * prefecture-level division (333: 293 地级市, 30 自治州, 7 地区, 3 盟; as of 2024), plus the four
 * municipalities, Hong Kong and Macau. Taiwan is listed as a province only, so that its name can
 * be stripped as a prefix; its cities are not listed.
 *
 * Each city row is `"name|pinyin|aliases|spellings"`:
 * - name: the canonical name without 市 (自治州 and 地区 by their short form: 延边, 阿克苏; 盟 keep
 *   盟 because that is how they are written: 兴安盟). The exception is 青海's 海南藏族自治州, kept
 *   as 海南州 so that "海南" stays the province.
 * - pinyin: toneless, no separators.
 * - aliases (optional, space-separated): other written forms: full 自治州/地区 names, former names.
 *   "<name>市" is added by the code for every city, so it is not repeated here.
 * - spellings (optional, space-separated): other Latin spellings (English or Wade–Giles names).
 * Kept as compact strings so the whole table is readable and reviewable by a person.
 */

export interface ProvinceRow {
  /** Short canonical name, e.g. "广东", "内蒙古". */
  short: string;
  /** Official full name, e.g. "广东省", "内蒙古自治区". */
  full: string;
  /** Other written forms that may stand in front of a city name. */
  aliases: readonly string[];
  pinyin: string;
  /** True for the municipalities, Hong Kong and Macau: the province is itself a city. */
  isCity: boolean;
  cities: readonly string[];
}

export const PROVINCE_ROWS: readonly ProvinceRow[] = [
  { short: '北京', full: '北京市', aliases: [], pinyin: 'beijing', isCity: true, cities: ['北京|beijing||peking'] },
  { short: '天津', full: '天津市', aliases: [], pinyin: 'tianjin', isCity: true, cities: ['天津|tianjin'] },
  { short: '上海', full: '上海市', aliases: [], pinyin: 'shanghai', isCity: true, cities: ['上海|shanghai'] },
  { short: '重庆', full: '重庆市', aliases: [], pinyin: 'chongqing', isCity: true, cities: ['重庆|chongqing||chungking'] },
  {
    short: '河北', full: '河北省', aliases: [], pinyin: 'hebei', isCity: false,
    cities: [
      '石家庄|shijiazhuang', '唐山|tangshan', '秦皇岛|qinhuangdao', '邯郸|handan', '邢台|xingtai', '保定|baoding',
      '张家口|zhangjiakou', '承德|chengde', '沧州|cangzhou', '廊坊|langfang', '衡水|hengshui',
    ],
  },
  {
    short: '山西', full: '山西省', aliases: [], pinyin: 'shanxi', isCity: false,
    cities: [
      '太原|taiyuan', '大同|datong', '阳泉|yangquan', '长治|changzhi', '晋城|jincheng', '朔州|shuozhou',
      '晋中|jinzhong', '运城|yuncheng', '忻州|xinzhou', '临汾|linfen', '吕梁|lvliang||luliang lyuliang',
    ],
  },
  {
    short: '内蒙古', full: '内蒙古自治区', aliases: ['内蒙'], pinyin: 'neimenggu', isCity: false,
    cities: [
      '呼和浩特|huhehaote||hohhot', '包头|baotou', '乌海|wuhai', '赤峰|chifeng', '通辽|tongliao',
      '鄂尔多斯|eerduosi||ordos', '呼伦贝尔|hulunbeier||hulunbuir', '巴彦淖尔|bayannaoer||bayannur',
      '乌兰察布|wulanchabu||ulanqab',
      // No short alias 兴安: 兴安县 (桂林) and 兴安区 (鹤岗) would be taken for this 盟.
      '兴安盟|xinganmeng||hinggan',
      '锡林郭勒盟|xilinguolemeng|锡林郭勒|xilinguole xilingol', '阿拉善盟|alashanmeng|阿拉善|alashan alxa',
    ],
  },
  {
    short: '辽宁', full: '辽宁省', aliases: [], pinyin: 'liaoning', isCity: false,
    cities: [
      '沈阳|shenyang', '大连|dalian', '鞍山|anshan', '抚顺|fushun', '本溪|benxi', '丹东|dandong', '锦州|jinzhou',
      '营口|yingkou', '阜新|fuxin', '辽阳|liaoyang', '盘锦|panjin', '铁岭|tieling', '朝阳|chaoyang', '葫芦岛|huludao',
    ],
  },
  {
    short: '吉林', full: '吉林省', aliases: [], pinyin: 'jilin', isCity: false,
    cities: [
      '长春|changchun', '吉林|jilin', '四平|siping', '辽源|liaoyuan', '通化|tonghua', '白山|baishan',
      '松原|songyuan', '白城|baicheng', '延边|yanbian|延边朝鲜族自治州 延边州',
    ],
  },
  {
    short: '黑龙江', full: '黑龙江省', aliases: [], pinyin: 'heilongjiang', isCity: false,
    cities: [
      '哈尔滨|haerbin||harbin', '齐齐哈尔|qiqihaer||qiqihar', '鸡西|jixi', '鹤岗|hegang', '双鸭山|shuangyashan',
      '大庆|daqing', '伊春|yichun', '佳木斯|jiamusi', '七台河|qitaihe', '牡丹江|mudanjiang', '黑河|heihe',
      '绥化|suihua', '大兴安岭|daxinganling|大兴安岭地区',
    ],
  },
  {
    short: '江苏', full: '江苏省', aliases: [], pinyin: 'jiangsu', isCity: false,
    cities: [
      '南京|nanjing', '无锡|wuxi', '徐州|xuzhou', '常州|changzhou', '苏州|suzhou', '南通|nantong',
      '连云港|lianyungang', '淮安|huaian', '盐城|yancheng', '扬州|yangzhou', '镇江|zhenjiang', '泰州|taizhou',
      '宿迁|suqian',
    ],
  },
  {
    short: '浙江', full: '浙江省', aliases: [], pinyin: 'zhejiang', isCity: false,
    cities: [
      '杭州|hangzhou', '宁波|ningbo', '温州|wenzhou', '嘉兴|jiaxing', '湖州|huzhou', '绍兴|shaoxing',
      '金华|jinhua', '衢州|quzhou', '舟山|zhoushan', '台州|taizhou', '丽水|lishui',
    ],
  },
  {
    short: '安徽', full: '安徽省', aliases: [], pinyin: 'anhui', isCity: false,
    cities: [
      '合肥|hefei', '芜湖|wuhu', '蚌埠|bengbu', '淮南|huainan', '马鞍山|maanshan', '淮北|huaibei', '铜陵|tongling',
      '安庆|anqing', '黄山|huangshan', '滁州|chuzhou', '阜阳|fuyang', '宿州|suzhou', '六安|luan',
      '亳州|bozhou', '池州|chizhou', '宣城|xuancheng',
    ],
  },
  {
    short: '福建', full: '福建省', aliases: [], pinyin: 'fujian', isCity: false,
    cities: [
      '福州|fuzhou', '厦门|xiamen||amoy', '莆田|putian', '三明|sanming', '泉州|quanzhou', '漳州|zhangzhou',
      '南平|nanping', '龙岩|longyan', '宁德|ningde',
    ],
  },
  {
    short: '江西', full: '江西省', aliases: [], pinyin: 'jiangxi', isCity: false,
    cities: [
      '南昌|nanchang', '景德镇|jingdezhen', '萍乡|pingxiang', '九江|jiujiang', '新余|xinyu', '鹰潭|yingtan',
      '赣州|ganzhou', '吉安|jian', '宜春|yichun', '抚州|fuzhou', '上饶|shangrao',
    ],
  },
  {
    short: '山东', full: '山东省', aliases: [], pinyin: 'shandong', isCity: false,
    cities: [
      // 莱芜 was a prefecture-level city until 2019, when it became part of 济南.
      '济南|jinan|莱芜 莱芜市|laiwu', '青岛|qingdao', '淄博|zibo', '枣庄|zaozhuang', '东营|dongying',
      '烟台|yantai', '潍坊|weifang', '济宁|jining', '泰安|taian', '威海|weihai', '日照|rizhao', '临沂|linyi',
      '德州|dezhou', '聊城|liaocheng', '滨州|binzhou', '菏泽|heze',
    ],
  },
  {
    short: '河南', full: '河南省', aliases: [], pinyin: 'henan', isCity: false,
    cities: [
      '郑州|zhengzhou', '开封|kaifeng', '洛阳|luoyang', '平顶山|pingdingshan', '安阳|anyang', '鹤壁|hebi',
      '新乡|xinxiang', '焦作|jiaozuo', '濮阳|puyang', '许昌|xuchang', '漯河|luohe', '三门峡|sanmenxia',
      '南阳|nanyang', '商丘|shangqiu', '信阳|xinyang', '周口|zhoukou', '驻马店|zhumadian',
    ],
  },
  {
    short: '湖北', full: '湖北省', aliases: [], pinyin: 'hubei', isCity: false,
    cities: [
      '武汉|wuhan', '黄石|huangshi', '十堰|shiyan', '宜昌|yichang',
      // 襄阳 was named 襄樊 until 2010.
      '襄阳|xiangyang|襄樊 襄樊市|xiangfan', '鄂州|ezhou', '荆门|jingmen', '孝感|xiaogan', '荆州|jingzhou',
      '黄冈|huanggang', '咸宁|xianning', '随州|suizhou', '恩施|enshi|恩施土家族苗族自治州 恩施州',
    ],
  },
  {
    short: '湖南', full: '湖南省', aliases: [], pinyin: 'hunan', isCity: false,
    cities: [
      '长沙|changsha', '株洲|zhuzhou', '湘潭|xiangtan', '衡阳|hengyang', '邵阳|shaoyang', '岳阳|yueyang',
      '常德|changde', '张家界|zhangjiajie', '益阳|yiyang', '郴州|chenzhou', '永州|yongzhou', '怀化|huaihua',
      '娄底|loudi', '湘西|xiangxi|湘西土家族苗族自治州 湘西州',
    ],
  },
  {
    short: '广东', full: '广东省', aliases: [], pinyin: 'guangdong', isCity: false,
    cities: [
      '广州|guangzhou||canton', '韶关|shaoguan', '深圳|shenzhen', '珠海|zhuhai', '汕头|shantou', '佛山|foshan',
      '江门|jiangmen', '湛江|zhanjiang', '茂名|maoming', '肇庆|zhaoqing', '惠州|huizhou', '梅州|meizhou',
      '汕尾|shanwei', '河源|heyuan', '阳江|yangjiang', '清远|qingyuan', '东莞|dongguan', '中山|zhongshan',
      '潮州|chaozhou', '揭阳|jieyang', '云浮|yunfu',
    ],
  },
  {
    short: '广西', full: '广西壮族自治区', aliases: ['广西自治区'], pinyin: 'guangxi', isCity: false,
    cities: [
      '南宁|nanning', '柳州|liuzhou', '桂林|guilin', '梧州|wuzhou', '北海|beihai', '防城港|fangchenggang',
      '钦州|qinzhou', '贵港|guigang', '玉林|yulin', '百色|baise', '贺州|hezhou', '河池|hechi', '来宾|laibin',
      '崇左|chongzuo',
    ],
  },
  {
    short: '海南', full: '海南省', aliases: [], pinyin: 'hainan', isCity: false,
    cities: ['海口|haikou', '三亚|sanya', '三沙|sansha', '儋州|danzhou'],
  },
  {
    short: '四川', full: '四川省', aliases: [], pinyin: 'sichuan', isCity: false,
    cities: [
      '成都|chengdu', '自贡|zigong', '攀枝花|panzhihua', '泸州|luzhou', '德阳|deyang', '绵阳|mianyang',
      '广元|guangyuan', '遂宁|suining', '内江|neijiang', '乐山|leshan', '南充|nanchong', '眉山|meishan',
      '宜宾|yibin', '广安|guangan', '达州|dazhou', '雅安|yaan', '巴中|bazhong', '资阳|ziyang',
      '阿坝|aba|阿坝藏族羌族自治州 阿坝州', '甘孜|ganzi|甘孜藏族自治州 甘孜州', '凉山|liangshan|凉山彝族自治州 凉山州',
    ],
  },
  {
    short: '贵州', full: '贵州省', aliases: [], pinyin: 'guizhou', isCity: false,
    cities: [
      '贵阳|guiyang', '六盘水|liupanshui', '遵义|zunyi', '安顺|anshun', '毕节|bijie', '铜仁|tongren',
      '黔西南|qianxinan|黔西南布依族苗族自治州 黔西南州', '黔东南|qiandongnan|黔东南苗族侗族自治州 黔东南州',
      '黔南|qiannan|黔南布依族苗族自治州 黔南州',
    ],
  },
  {
    short: '云南', full: '云南省', aliases: [], pinyin: 'yunnan', isCity: false,
    cities: [
      '昆明|kunming', '曲靖|qujing', '玉溪|yuxi', '保山|baoshan', '昭通|zhaotong', '丽江|lijiang',
      // 普洱 was named 思茅 until 2007.
      '普洱|puer|思茅 思茅市|simao', '临沧|lincang', '楚雄|chuxiong|楚雄彝族自治州 楚雄州',
      '红河|honghe|红河哈尼族彝族自治州 红河州', '文山|wenshan|文山壮族苗族自治州 文山州',
      '西双版纳|xishuangbanna|西双版纳傣族自治州 西双版纳州 版纳', '大理|dali|大理白族自治州 大理州',
      '德宏|dehong|德宏傣族景颇族自治州 德宏州', '怒江|nujiang|怒江傈僳族自治州 怒江州',
      '迪庆|diqing|迪庆藏族自治州 迪庆州',
    ],
  },
  {
    short: '西藏', full: '西藏自治区', aliases: [], pinyin: 'xizang', isCity: false,
    cities: [
      '拉萨|lasa||lhasa', '日喀则|rikaze||shigatse', '昌都|changdu||qamdo chamdo', '林芝|linzhi||nyingchi',
      '山南|shannan', '那曲|naqu||nagqu', '阿里|ali|阿里地区|ngari',
    ],
  },
  {
    short: '陕西', full: '陕西省', aliases: [], pinyin: 'shaanxi', isCity: false,
    cities: [
      '西安|xian', '铜川|tongchuan', '宝鸡|baoji', '咸阳|xianyang', '渭南|weinan', '延安|yanan', '汉中|hanzhong',
      '榆林|yulin', '安康|ankang', '商洛|shangluo',
    ],
  },
  {
    short: '甘肃', full: '甘肃省', aliases: [], pinyin: 'gansu', isCity: false,
    cities: [
      '兰州|lanzhou', '嘉峪关|jiayuguan', '金昌|jinchang', '白银|baiyin', '天水|tianshui', '武威|wuwei',
      '张掖|zhangye', '平凉|pingliang', '酒泉|jiuquan', '庆阳|qingyang', '定西|dingxi', '陇南|longnan',
      '临夏|linxia|临夏回族自治州 临夏州', '甘南|gannan|甘南藏族自治州 甘南州',
    ],
  },
  {
    short: '青海', full: '青海省', aliases: [], pinyin: 'qinghai', isCity: false,
    cities: [
      '西宁|xining', '海东|haidong', '海北|haibei|海北藏族自治州 海北州', '黄南|huangnan|黄南藏族自治州 黄南州',
      // Not "海南": that is the province.
      '海南州|hainanzhou|海南藏族自治州', '果洛|guoluo|果洛藏族自治州 果洛州|golog',
      '玉树|yushu|玉树藏族自治州 玉树州', '海西|haixi|海西蒙古族藏族自治州 海西州',
    ],
  },
  {
    short: '宁夏', full: '宁夏回族自治区', aliases: [], pinyin: 'ningxia', isCity: false,
    cities: ['银川|yinchuan', '石嘴山|shizuishan', '吴忠|wuzhong', '固原|guyuan', '中卫|zhongwei'],
  },
  {
    short: '新疆', full: '新疆维吾尔自治区', aliases: [], pinyin: 'xinjiang', isCity: false,
    cities: [
      '乌鲁木齐|wulumuqi||urumqi', '克拉玛依|kelamayi||karamay', '吐鲁番|tulufan||turpan', '哈密|hami||kumul',
      '昌吉|changji|昌吉回族自治州 昌吉州',
      // 博州 and 克州 are the usual short forms; 巴州 is left out because 巴中 has a 巴州区.
      '博尔塔拉|boertala|博尔塔拉蒙古自治州 博州|bortala', '巴音郭楞|bayinguoleng|巴音郭楞蒙古自治州|bayingolin',
      '克孜勒苏|kezilesu|克孜勒苏柯尔克孜自治州 克州|kizilsu', '伊犁|yili|伊犁哈萨克自治州 伊犁州|ili',
      '阿克苏|akesu|阿克苏地区|aksu', '喀什|kashi|喀什地区|kashgar', '和田|hetian|和田地区|hotan khotan',
      '塔城|tacheng|塔城地区', '阿勒泰|aletai|阿勒泰地区|altay',
    ],
  },
  { short: '台湾', full: '台湾省', aliases: [], pinyin: 'taiwan', isCity: false, cities: [] },
  {
    short: '香港', full: '香港特别行政区', aliases: ['香港特区'], pinyin: 'xianggang', isCity: true,
    cities: ['香港|xianggang|香港特别行政区 香港特区|hongkong'],
  },
  {
    short: '澳门', full: '澳门特别行政区', aliases: ['澳门特区', '澳門'], pinyin: 'aomen', isCity: true,
    cities: ['澳门|aomen|澳门特别行政区 澳门特区 澳門|macau macao'],
  },
];

/**
 * Pinyin shared by two prefecture-level cities: the key goes to the larger (by population)
 * and better-known one. The other is still reached by its Chinese name.
 */
export const PINYIN_PREFERRED: Readonly<Record<string, string>> = {
  suzhou: '苏州', // not 宿州 (安徽)
  taizhou: '台州', // not 泰州 (江苏)
  fuzhou: '福州', // not 抚州 (江西)
  yichun: '宜春', // not 伊春 (黑龙江)
  yulin: '玉林', // not 榆林 (陕西); 玉林 has the larger population
};
