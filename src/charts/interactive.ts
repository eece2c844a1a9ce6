import { use } from 'echarts/core'
import { BrushComponent, ToolboxComponent } from 'echarts/components'
import './echarts'

// Only the views that are clicked need the brush; the big screen never loads it. The brush
// always brings a toolbox with it (ECharts' preprocessor adds one); charts hide it.
use([BrushComponent, ToolboxComponent])
