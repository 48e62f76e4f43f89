import type { Pipeline } from 'pipeline-connect';
import { samplePipeline } from './sample-pipeline';

const key = 'pipeline-connect-demo:pipeline';

/**
 * The demo keeps its pipeline in localStorage so it survives reloads. Node data holds only
 * provider and credential ids — nothing secret — so this is safe to store.
 */
export function loadPipeline(): Pipeline {
  try {
    const raw = localStorage.getItem(key);
    if (raw) {
      const parsed = JSON.parse(raw) as Pipeline;
      if (Array.isArray(parsed.nodes) && Array.isArray(parsed.edges)) return parsed;
    }
  } catch {
    // A corrupt entry falls back to the sample pipeline.
  }
  return samplePipeline();
}

export function savePipeline(pipeline: Pipeline): void {
  // Selection is view state; a reload starts with nothing selected.
  const nodes = pipeline.nodes.map(({ selected: _selected, dragging: _dragging, ...node }) => node);
  localStorage.setItem(key, JSON.stringify({ nodes, edges: pipeline.edges }));
}

export function clearPipeline(): void {
  localStorage.removeItem(key);
}
