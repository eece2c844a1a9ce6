export default {
  app: {
    loading: '正在载入数据…',
    noData: '暂无数据',
    loadFailed: '数据载入失败',
    staleData: '新数据未通过校验，仍显示上一版数据',
  },
  screen: {
    snapshot: '数据截至 {date}',
    footer: '据公开报道整理',
    sources: '来源：{list}',
    mapCaption: '示意图',
    reviewNumber: '审图号：{no}',
  },
  kpi: {
    events: '对接活动',
    sessions: '含分会场 {n} 个',
    outcomes: '分项成果',
    outcomesNote: '报道逐项列出',
    jointLabs: '联合实验室',
    jointLabsNote: '报道逐项列出',
    reported: '报道合计',
    reportedNote: '{n} 场活动报道数字之和',
  },
  charts: {
    map: {
      title: '合作对接地图',
      legend: '圆点：活动城市（大小按分项成果数）· 连线：合作高校/院所所在城市 → 活动城市',
    },
  },
  kinds: {
    joint_lab: '联合实验室（逐项）',
    project: '签约项目（逐项）',
    agreement: '合作协议（逐项）',
    platform: '平台/中心（逐项）',
    demand_list: '需求清单（逐项）',
    donation: '捐赠（逐项）',
    investment: '投资项目（逐项）',
    talent: '人才（逐项）',
    company: '企业（逐项）',
  },
  /** Measure words: 场 for events, 家 for labs and firms, 项 otherwise. */
  kpiUnits: { events: '场', joint_labs: '家', 'outcome:joint_lab': '家', default: '项' },
}
