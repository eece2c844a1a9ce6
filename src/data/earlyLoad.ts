// Imported first by main.ts, so that it runs before the modules after it are evaluated.
import { dataBaseUrl } from './browserReader'
import { startLoadEarly } from './loadOffThread'

performance.mark('data:load-start') // npm run bench: parse + validate + aggregate starts
// Nothing is shown yet: a failed load falls back to the last good copy.
startLoadEarly(dataBaseUrl(), { fallBack: true })
