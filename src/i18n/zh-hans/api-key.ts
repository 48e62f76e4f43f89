import type { MessageOverrides } from '../messages';

/** Simplified Chinese for the Add API Key and Edit dialogs. Missing messages fall back to English. */
export const apiKey: NonNullable<MessageOverrides['apiKey']> = {
  title: '添加 API 密钥',
  description: (p: { provider: string }) => `使用 API 密钥连接 ${p.provider}。`,
  nameLabel: '授权名称',
  namePlaceholder: '例如：生产环境',
  nameHelp: '留空将自动命名。',
  save: '保存',
  saving: '保存中…',
  encryptedNote: '密钥会加密存储，保存后不再显示。',
  loadingProvider: '正在加载字段…',
  providerMissing: '此数据源已不可用。',
  noApiKeyMethod: (p: { provider: string }) => `${p.provider} 不支持使用 API 密钥连接。`,
  retryCountdown: (p: { seconds: number }) => `${p.seconds} 秒后可重试。`,
  checkFields: '部分值未被接受，请检查后重试。',
  created: (p: { name: string }) => `已添加“${p.name}”。`,
  test: {
    button: '测试',
    testing: '测试中…',
    refusedField: '服务商拒绝了此密钥。',
    outcome: {
      accepted: (p: { provider: string }) => `${p.provider} 接受了此密钥。`,
      refused: (p: { provider: string }) =>
        `${p.provider} 拒绝了此密钥。请确认已完整复制，且密钥未被撤销。`,
      unreachable: (p: { provider: string }) => `无法连接 ${p.provider} 检查此密钥，请稍后重试。`,
      rate_limited: (p: { provider: string; seconds: number | null }) =>
        !p.seconds
          ? `${p.provider} 当前限制了请求频率，请稍后重试。`
          : `${p.provider} 当前限制了请求频率，请在 ${p.seconds} 秒后重试。`,
      not_verifiable: (p: { provider: string }) => `${p.provider} 的密钥无法在使用前检查。`,
    },
  },
  edit: {
    title: '编辑凭据',
    description: (p: { name: string }) => `修改“${p.name}”的名称或值。`,
    keepSecretHelp: '留空则保留当前值。',
    keepSecretPlaceholder: '未更改',
    saved: (p: { name: string }) => `已保存“${p.name}”。`,
    noChanges: '没有任何更改。',
  },
  validation: {
    required: (p: { label: string }) => `请填写“${p.label}”。`,
    nameRequired: '请输入名称。',
    nameTooLong: (p: { max: number }) => `最多 ${p.max} 个字符。`,
    nameControlCharacters: '名称不能包含换行符或其他控制字符。',
    nameInvisibleCharacters: '名称不能包含不可见字符或改变文字方向的字符（如零宽空格）。',
    nameDuplicate: '此名称已被其他凭据使用。',
    secretWhitespace: '请删除值中的空格或换行符。',
    notPrintable: '请删除值中的不可见字符或控制字符。',
    secretIsMask: '请输入密钥本身，而不是 ******** 占位符。',
    tooLong: (p: { maxBytes: number }) => `该值过长（最多 ${p.maxBytes} 字节）。`,
    selectOption: '请选择一个选项。',
  },
};
