import { use } from 'echarts/core'
import {
  GraphicComponent,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components'
import './echarts'

// What no chart needs for its first frame on the big screen: tooltips (with the axis pointer
// they bring) are given to charts already drawn (ChartPanel), and the KPI card, drawn with
// graphic elements, is not on the screen. Keep REST_COMPONENTS and LATE_COMPONENTS in ./modules
// in step with this list.
use([
  TooltipComponent,
  GraphicComponent,
  // The full grid and visual map, as anywhere else they would be: a builder may add an axis
  // pointer or a piecewise legend without the other views breaking.
  GridComponent,
  VisualMapComponent,
])
