import { use } from 'echarts/core'
import { BrushComponent } from 'echarts/components'
import './echarts'

// Only the views that are clicked need the brush; the big screen never loads it.
use([BrushComponent])
