export * from './aggregate';
export * from './count';
export * from './facts';
export * from './indicators';
export * from './period';
export * from './targets';
export * from './value';
export * from './public';
