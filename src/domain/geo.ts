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

export const PROVINCE_NAMES: ReadonlySet<string> = new Set(Object.values(PROVINCES))

/** Generous bounds of China's territory, to catch swapped or mistyped coordinates. */
export const CHINA_BOUNDS = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 } as const

export function provinceOfAdcode(adcode: string): string | undefined {
  return PROVINCES[adcode.slice(0, 2)]
}
