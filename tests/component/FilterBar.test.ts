import { mount } from '@vue/test-utils'
import type { Ref } from 'vue'
import { describe, expect, it } from 'vitest'
import FilterBar from '../../src/components/FilterBar.vue'
import { useSettingsStore } from '../../src/stores/settings'
import type { Dataset } from '../../src/domain/types'
import { createAppI18n } from '../../src/i18n'
import { loadMini } from '../helpers/snapshot'
import { plugins } from './setup'

// The organisation options are left alone when another filter changes (v-memo: thousands of
// them in a large snapshot); they must still follow the language and the snapshot.
describe('FilterBar organisation options', () => {
  const orgOptions = (w: ReturnType<typeof mount>) =>
    w.findAll('select[name="org"] option').map((o) => o.text())

  it('follow the language and a new snapshot, and stay put when a filter changes', async () => {
    const dataset = await loadMini()
    const { global, pinia } = plugins()
    const w = mount(FilterBar, { props: { dataset, filters: {} }, global: global as never })
    const org = dataset.organizations.find((o) => o.kind === 'university')!
    expect(orgOptions(w)).toContain(org.name.zh)

    await w.setProps({ filters: { province: '湖南' } })
    expect(orgOptions(w)).toContain(org.name.zh)

    // As App.vue does on ?lang=en: the settings (names from the data) and vue-i18n (labels).
    window.location.hash = '#/explore?lang=en'
    useSettingsStore(pinia).syncUrl()
    const i18n = global.plugins[1] as ReturnType<typeof createAppI18n>
    // A ref at run time (composition mode), typed as the legacy string.
    ;(i18n.global.locale as unknown as Ref<string>).value = 'en'
    await w.vm.$nextTick()
    expect(orgOptions(w)).toContain(org.name.en)
    expect(orgOptions(w)).not.toContain(org.name.zh)
    expect(w.find('select[name="org"] optgroup').attributes('label')).toMatch(/^[A-Z]/)

    const more: Dataset = {
      ...dataset,
      organizations: [
        ...dataset.organizations,
        { ...org, id: 'new-univ', name: { zh: '新大学', en: 'New University' } },
      ],
    }
    await w.setProps({ dataset: more })
    expect(orgOptions(w)).toContain('New University')
    window.location.hash = ''
  })
})
