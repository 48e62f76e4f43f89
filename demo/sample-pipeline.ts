import type { Pipeline, PipelineNode } from 'pipeline-connect';

// Each node carries its provider's name, as the palette writes it, so even a first visit during
// an outage (`?scenario=outage`) says which provider each node reads.
const providers = [
  { providerId: 'notion', providerName: 'Notion' },
  { providerId: 'jina-reader', providerName: 'Jina Reader' },
  { providerId: 'firecrawl', providerName: 'Firecrawl' },
  { providerId: 'google-drive', providerName: 'Google Drive' },
  { providerId: 'dropbox', providerName: 'Dropbox' },
  { providerId: 'onedrive', providerName: 'OneDrive' },
];

/** The pipeline a new user starts from: one data source per provider feeding a knowledge base. */
export function samplePipeline(): Pipeline {
  const sources: PipelineNode[] = providers.map(({ providerId, providerName }, index) => ({
    id: `source-${providerId}`,
    type: 'dataSource',
    position: { x: 0, y: index * 96 },
    data: { providerId, providerName, credentialId: null },
  }));
  const steps: PipelineNode[] = [
    {
      id: 'extract',
      type: 'processing',
      position: { x: 360, y: 240 },
      data: { label: 'Extract text', description: 'Parse pages and files' },
    },
    {
      id: 'chunk',
      type: 'processing',
      position: { x: 620, y: 240 },
      data: { label: 'Chunk', description: '512 tokens, 64 overlap' },
    },
    {
      id: 'knowledge-base',
      type: 'knowledgeBase',
      position: { x: 880, y: 240 },
      data: { label: 'Knowledge Base' },
    },
  ];
  return {
    nodes: [...sources, ...steps],
    edges: [
      ...sources.map((source) => ({
        id: `${source.id}->extract`,
        source: source.id,
        target: 'extract',
      })),
      { id: 'extract->chunk', source: 'extract', target: 'chunk' },
      { id: 'chunk->knowledge-base', source: 'chunk', target: 'knowledge-base' },
    ],
  };
}
