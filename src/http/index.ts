export { type AppDeps, buildApp } from './app.ts';
export { findProblem, PROBLEMS, type ProblemCode } from './problem-catalogue.ts';
export { VERSION } from './version.ts';
