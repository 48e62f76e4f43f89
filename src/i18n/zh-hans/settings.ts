import type { MessageOverrides } from '../messages';

/** 设置 → 数据源。 */
export const settings: MessageOverrides['settings'] = {
  title: '数据源',
  description: '授权流水线要读取的服务。凭据会加密存储。',
  search: '搜索数据源',
  filter: {
    label: '显示',
    all: '全部',
    connected: '已连接',
    notConnected: '未连接',
    needsAttention: '需要处理',
  },
  methodsLabel: '授权方式',
  methods: { api_key: 'API 密钥', oauth2: 'OAuth' },
  configure: '配置',
  notConfigured: '尚未配置',
  needsAttention: (p: { count: number }) => `${p.count} 个凭据需要处理`,
  connectedCount: (p: { count: number }) => `${p.count} 个凭据`,
  noMatch: '没有符合搜索条件的数据源。',
  clearFilters: '清除筛选',
  loadError: '无法加载数据源。',
  unavailable: '数据源服务暂时不可用。',
  loading: '正在加载数据源…',
  empty: '没有可用的数据源。',
  results: (p: { shown: number; total: number }) => `显示 ${p.shown} / ${p.total} 个数据源`,
};
