/*
 * What a host takes from the package: every export of the public entry, and its stylesheet.
 * Bundled by bench/node/figures/bundle.ts to size the library with its non-peer dependencies.
 */
import 'pipeline-connect/styles.css';

export * from 'pipeline-connect';
