export { type AppOptions, createApp, VERSION } from './app.ts';
export { openApiDocument } from './openapi.ts';
export { routes } from './routes/index.ts';
export { type RunningServer, startServer } from './serve.ts';
export { resumeTracking, stopTracking, trackingSettled } from './tracking/applier.ts';
