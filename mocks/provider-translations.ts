import type { ProviderLocalization } from '../src/credentials/backend';

/**
 * The catalog's own translations (the `localized` words of each provider), so the mock shows
 * how a backend localizes what only it knows: provider descriptions and field labels.
 */
export const providerTranslations: Record<string, Record<string, ProviderLocalization>> = {
  notion: {
    'zh-Hans': {
      description: '来自 Notion 工作区的页面和数据库。',
      scopePurposes: { read_content: '读取你的页面和数据库' },
      fields: {
        integration_secret: {
          label: 'API 密钥',
          help: '已共享到你的页面的 Notion 集成的 Internal Integration Secret。',
        },
      },
    },
  },
  'jina-reader': {
    'zh-Hans': {
      description: '把任意网页读取为干净、适合大模型的文本。',
      fields: {
        api_key: { label: 'API 密钥', help: '没有可以留空；留空时请求的频率限制更严格。' },
      },
    },
  },
  firecrawl: {
    'zh-Hans': {
      description: '抓取网站并转换为 Markdown。',
      fields: {
        firecrawl_api_key: { label: 'API 密钥', help: '在 Firecrawl 控制台中创建密钥。' },
        base_url: { label: '基础 URL', help: '仅用于自托管的 Firecrawl；使用托管服务时留空。' },
      },
    },
  },
  'google-drive': {
    'zh-Hans': {
      name: 'Google 云端硬盘',
      description: '来自 Google 云端硬盘的文档、表格、PDF 等文件。',
      scopePurposes: {
        'https://www.googleapis.com/auth/drive.readonly': '查看和下载你的 Google 云端硬盘文件',
      },
    },
  },
  dropbox: {
    'zh-Hans': {
      description: '来自 Dropbox 的文件和文件夹。',
      scopePurposes: {
        'files.metadata.read': '查看你的文件和文件夹',
        'files.content.read': '读取你的文件内容',
      },
    },
  },
  onedrive: {
    'zh-Hans': {
      description: '来自 OneDrive 和 SharePoint 的文件。',
      scopePurposes: { 'Files.Read.All': '读取你能打开的所有文件' },
      fields: {
        tenant_id: {
          label: '租户 ID',
          help: '你的目录（租户）ID，或 organizations、common、consumers。',
        },
      },
    },
  },
};
