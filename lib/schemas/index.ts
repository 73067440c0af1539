export * from "./api";
export * from "./issues";
export * from "./start-job-form";
