import type { Provider } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
// Internal on purpose: the provider localization step, which this file tests.
import { localizeProvider } from '../../src/credentials/localize-provider';

const provider: Provider = {
  id: 'onedrive',
  name: 'OneDrive',
  description: 'Files from OneDrive.',
  icon: '',
  methods: ['oauth2'],
  apiKeyFields: [
    { name: 'key', type: 'secret', label: 'API Key', required: true, help: 'Paste it' },
  ],
  oauth: {
    scopes: ['Files.Read.All', 'Sites.Read.All'],
    requiredScopes: [
      { scope: 'Files.Read.All', purpose: 'Read your files' },
      { scope: 'Sites.Read.All', purpose: 'Read your sites' },
    ],
    hasPlatformClient: false,
    clientMode: 'none',
    clientFields: [
      {
        name: 'tenant_id',
        type: 'text',
        label: 'Tenant ID',
        required: false,
        placeholder: 'organizations',
      },
    ],
  },
  localized: {
    'zh-Hans': {
      description: '来自 OneDrive 的文件。',
      fields: { tenant_id: { label: '租户 ID' }, key: { help: '粘贴密钥' } },
      scopePurposes: { 'Files.Read.All': '读取你的文件' },
    },
  },
};

describe('localizeProvider', () => {
  it('shows the catalog’s words for the locale and keeps the rest', () => {
    const zh = localizeProvider(provider, 'zh-Hans');
    expect(zh.name).toBe('OneDrive');
    expect(zh.description).toBe('来自 OneDrive 的文件。');
    expect(zh.oauth?.clientFields[0]).toMatchObject({
      name: 'tenant_id',
      label: '租户 ID',
      placeholder: 'organizations',
    });
    expect(zh.apiKeyFields[0]).toMatchObject({
      name: 'key',
      label: 'API Key',
      help: '粘贴密钥',
      required: true,
    });
    // A purpose without its translation keeps the catalog's plain words; scopes never change.
    expect(zh.oauth?.requiredScopes).toEqual([
      { scope: 'Files.Read.All', purpose: '读取你的文件' },
      { scope: 'Sites.Read.All', purpose: 'Read your sites' },
    ]);
  });

  it('leaves a provider without words for the locale as it is', () => {
    expect(localizeProvider(provider, 'fr')).toBe(provider);
  });
});
