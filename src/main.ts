import './data/earlyLoad'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/700.css'
import '@fontsource/barlow-condensed/600.css'
// vue-echarts adds these rules itself, but with a <style> element where a browser lacks
// adoptedStyleSheets (Safari < 16.4, Firefox < 101), which the CSP's style-src 'self' refuses.
import 'vue-echarts/style.css'
import './styles.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { createAppI18n } from './i18n'
import { useSettingsStore } from './stores/settings'
import { useDatasetStore } from './stores/dataset'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const settings = useSettingsStore(pinia)
// Settings and data side by side, and before the first render: the data folder does not depend
// on config.json. The store's first load is the one ./data/earlyLoad started before this module's
// imports were evaluated. The screen shows a loading state until both are in.
void settings.load()
void useDatasetStore(pinia).load()
const i18n = createAppI18n()
app.use(i18n)
app.use(createAppRouter())
app.mount('#app')
