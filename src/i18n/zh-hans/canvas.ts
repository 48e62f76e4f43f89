import type { MessageOverrides } from '../messages';

/** 画布、节点与组件面板。 */
export const canvas: MessageOverrides['canvas'] = {
  label: '知识流水线',
  state: {
    loading: '正在检查连接…',
    error: '服务不可用',
    unknownProvider: '数据源不可用',
    notConnected: '未连接',
    connected: (p: { name: string }) => `已连接 · ${p.name}`,
    missingPermission: '缺少权限',
    expiring: (p: { name: string }) => `到期后无法续期 · ${p.name}`,
    expired: '已过期',
    invalid: '凭据无效',
    missing: '凭据缺失',
  },
  unknownProviderName: (p: { id: string }) => `未知数据源（${p.id}）`,
  dataSource: '数据源',
  numberedNode: (p: { name: string; index: number }) => `${p.name} #${p.index}`,
  palette: {
    title: '数据源',
    open: '添加数据源',
    hint: '点击添加，或拖到画布上。',
    add: (p: { name: string }) => `添加 ${p.name} 节点`,
    loading: '正在加载数据源…',
    error: '无法加载数据源。',
    empty: '没有可用的数据源。',
    added: (p: { name: string }) => `已添加 ${p.name} 节点`,
  },
  empty: { title: '流水线为空', body: '从组件面板添加一个数据源开始。' },
};
