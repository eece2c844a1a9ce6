export default {
  app: {
    loading: 'Loading data…',
    noData: 'No data',
    loadFailed: 'Could not load the data',
    staleData: 'New data failed validation; showing the previous snapshot',
  },
  screen: {
    snapshot: 'Data as of {date}',
    footer: 'Compiled from public reports',
    sources: 'Sources: {list}',
    mapCaption: 'Schematic map',
    reviewNumber: 'Map review no. {no}',
  },
  kpi: {
    events: 'Events',
    sessions: 'incl. {n} sessions',
    outcomes: 'Itemised outcomes',
    outcomesNote: 'named one by one in reports',
    jointLabs: 'Joint labs',
    jointLabsNote: 'named one by one in reports',
    reported: 'Reported total',
    reportedNote: 'sum of figures reported by {n} event(s)',
  },
  charts: {
    map: {
      title: 'Cooperation map',
      legend:
        'Dots: event cities (size = itemised outcomes) · Lines: partner universities/institutes → event city',
    },
  },
  kinds: {
    joint_lab: 'Joint labs (itemised)',
    project: 'Projects signed (itemised)',
    agreement: 'Agreements (itemised)',
    platform: 'Platforms and centres (itemised)',
    demand_list: 'Demand lists (itemised)',
    donation: 'Donations (itemised)',
    investment: 'Investment projects (itemised)',
    talent: 'Talent (itemised)',
    company: 'Companies (itemised)',
  },
  kpiUnits: { events: '', joint_labs: '', 'outcome:joint_lab': '', default: '' },
}
