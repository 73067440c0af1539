export * from "./api";
export * from "./issues";
