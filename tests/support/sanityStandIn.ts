// The Content Lake stand-in lives with the offline Studio, which serves it to editors; tests use the same one.
export * from '../../scripts/studio-offline/contentLakeStandIn.ts'
