export * from './accounts.js';
export * from './campaigns.js';
export * from './roster.js';
export * from './mail.js';
export * from './survey.js';
export * from './progress.js';
export * from './integrity.js';
export * from './scoring.js';
