/**
 * Provinces as the bundled China map (public/maps/china.json) names them, keyed by the
 * first two digits of an adcode. A test keeps this list and the map file in step.
 */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
}

/** English names of the provinces, for the English interface (the map itself names them in Chinese). */
export const PROVINCE_EN: Readonly<Record<string, string>> = {
  北京: 'Beijing',
  天津: 'Tianjin',
  河北: 'Hebei',
  山西: 'Shanxi',
  内蒙古: 'Inner Mongolia',
  辽宁: 'Liaoning',
  吉林: 'Jilin',
  黑龙江: 'Heilongjiang',
  上海: 'Shanghai',
  江苏: 'Jiangsu',
  浙江: 'Zhejiang',
  安徽: 'Anhui',
  福建: 'Fujian',
  江西: 'Jiangxi',
  山东: 'Shandong',
  河南: 'Henan',
  湖北: 'Hubei',
  湖南: 'Hunan',
  广东: 'Guangdong',
  广西: 'Guangxi',
  海南: 'Hainan',
  重庆: 'Chongqing',
  四川: 'Sichuan',
  贵州: 'Guizhou',
  云南: 'Yunnan',
  西藏: 'Tibet',
  陕西: 'Shaanxi',
  甘肃: 'Gansu',
  青海: 'Qinghai',
  宁夏: 'Ningxia',
  新疆: 'Xinjiang',
  台湾: 'Taiwan',
  香港: 'Hong Kong',
  澳门: 'Macao',
}

export function provinceName(province: string, locale: 'zh-CN' | 'en'): string {
  return locale === 'en' ? (PROVINCE_EN[province] ?? province) : province
}

export const PROVINCE_NAMES: ReadonlySet<string> = new Set(Object.values(PROVINCES))

// Longest first: 广西壮族自治区 must lose 壮族自治区, not only 自治区.
const FULL_NAME_SUFFIXES = [
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '特别行政区',
  '自治区',
  '省',
  '市',
]

/**
 * The map's name for a province written another way (湖南省, 广西壮族自治区, Hunan), so a
 * message can say what to write; undefined when it is no province at all.
 */
export function mapProvinceName(text: string): string | undefined {
  const t = text.trim()
  if (PROVINCE_NAMES.has(t)) return t
  for (const suffix of FULL_NAME_SUFFIXES) {
    const short = t.slice(0, -suffix.length)
    if (t.endsWith(suffix) && PROVINCE_NAMES.has(short)) return short
  }
  const lower = t.toLowerCase()
  return Object.keys(PROVINCE_EN).find((zh) => PROVINCE_EN[zh]!.toLowerCase() === lower)
}

/** Provinces whose own code (110000) is also the code of their one city. */
export const CITY_PROVINCES: ReadonlySet<string> = new Set([
  '北京',
  '天津',
  '上海',
  '重庆',
  '香港',
  '澳门',
  '台湾',
])

/** Generous bounds of China's territory, to catch swapped or mistyped coordinates. */
export const CHINA_BOUNDS = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 } as const

export function provinceOfAdcode(adcode: string): string | undefined {
  return PROVINCES[adcode.slice(0, 2)]
}
