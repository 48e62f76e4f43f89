import type { Pipeline, PipelineNode } from 'pipeline-connect';

const providers = ['notion', 'jina-reader', 'firecrawl', 'google-drive', 'dropbox', 'onedrive'];

/** The pipeline a new user starts from: one data source per provider feeding a knowledge base. */
export function samplePipeline(): Pipeline {
  const sources: PipelineNode[] = providers.map((providerId, index) => ({
    id: `source-${providerId}`,
    type: 'dataSource',
    position: { x: 0, y: index * 96 },
    data: { providerId, credentialId: null },
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
