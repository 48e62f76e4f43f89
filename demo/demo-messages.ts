import type { BuiltInLocale } from 'pipeline-connect';

/**
 * The words of the demo's own shell (header, avatar menu, Settings frame, scenario banner). They
 * are the host app's words, not the library's, so they live here and not in `src/i18n/`: a host
 * translates its own chrome and passes `locale` to Pipeline Connect for the rest.
 */
export interface DemoMessages {
  /** The document's title. */
  documentTitle: string;
  appName: string;
  /** The avatar button's accessible name: it starts with the visible initials (WCAG 2.5.3). */
  accountMenu: (p: { initials: string; attention: number }) => string;
  needAttention: (p: { count: number }) => string;
  settings: string;
  resetDemo: string;
  language: string;
  theme: string;
  themes: { light: string; dark: string; system: string };
  settingsDialog: { close: string; sections: string; dataSources: string };
  scenario: {
    /** The badge: "Scenario: outage" (the name stays the mock's identifier, as in the URL). */
    active: (p: { name: string }) => string;
    backToNormal: string;
    /** What each scenario does, beside the badge. */
    descriptions: Record<string, string>;
  };
}

const en: DemoMessages = {
  documentTitle: 'Pipeline Connect — demo',
  appName: 'Knowledge Pipeline',
  accountMenu: ({ initials, attention }) =>
    attention > 0
      ? `${initials} · Account menu (${attention} need attention)`
      : `${initials} · Account menu`,
  needAttention: ({ count }) => `${count} need attention`,
  settings: 'Settings',
  resetDemo: 'Reset demo',
  language: 'Language',
  theme: 'Theme',
  themes: { light: 'Light', dark: 'Dark', system: 'System' },
  settingsDialog: {
    close: 'Close settings',
    sections: 'Settings sections',
    dataSources: 'Data Sources',
  },
  scenario: {
    active: ({ name }) => `Scenario: ${name}`,
    backToNormal: 'Back to normal',
    descriptions: {
      slow: 'Every response takes 1.5 seconds.',
      empty: 'Started from no credentials.',
      mixed: 'Sample credentials in every state.',
      'server-errors': 'Changes fail with 503; reads work.',
      outage: 'Every request fails with 503.',
      'rate-limited': 'Changes are refused with 429.',
    },
  },
};

const zhHans: DemoMessages = {
  documentTitle: 'Pipeline Connect — 演示',
  appName: '知识流水线',
  accountMenu: ({ initials, attention }) =>
    attention > 0 ? `${initials} · 账户菜单（${attention} 项需要处理）` : `${initials} · 账户菜单`,
  needAttention: ({ count }) => `${count} 项需要处理`,
  settings: '设置',
  resetDemo: '重置演示',
  language: '语言',
  theme: '主题',
  themes: { light: '浅色', dark: '深色', system: '跟随系统' },
  settingsDialog: { close: '关闭设置', sections: '设置分区', dataSources: '数据源' },
  scenario: {
    active: ({ name }) => `场景：${name}`,
    backToNormal: '恢复正常',
    descriptions: {
      slow: '每个响应都需要 1.5 秒。',
      empty: '从没有凭据的状态开始。',
      mixed: '各种状态的示例凭据。',
      'server-errors': '更改返回 503 失败；读取正常。',
      outage: '所有请求都返回 503 失败。',
      'rate-limited': '更改被拒绝，返回 429。',
    },
  },
};

/** The demo shell's catalogs, one per locale the library ships. */
export const demoMessages: Record<BuiltInLocale, DemoMessages> = { en, 'zh-Hans': zhHans };
