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
    stale: 'Data not updated · {n} problem(s); showing the previous snapshot',
    dataDate: 'Data date {date}',
    fullscreen: 'Full screen',
    kinds: 'Itemised outcomes by kind',
    kindsNote: 'Outcomes named one by one in reports; reported totals not included',
    signings: 'Signings and outcomes',
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
    sankey: {
      title: 'Cooperation flows',
      legend:
        'University/institute → sector → event city · width: participations (one organisation at one event or session counts once)',
    },
    timeline: {
      title: 'Event timeline',
      legend: 'Filled dot: exact date · hollow bar: the report gives only the month',
    },
    ranking: {
      title: 'Participating universities & institutes',
      legend:
        'Bar: itemised outcomes the organisation is a party to · a list of who took part, not a league table',
    },
  },
  kindNames: {
    joint_lab: 'Joint labs',
    project: 'Projects',
    agreement: 'Agreements',
    platform: 'Platforms',
    demand_list: 'Demand lists',
    donation: 'Donations',
    investment: 'Investments',
    talent: 'Talent',
    company: 'Companies',
  },
  statuses: {
    signed: 'Signed',
    intent: 'Intent',
    launched: 'Launched',
    unveiled: 'Unveiled',
    released: 'Released',
    planned: 'Planned',
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
