export * from "./auth";
export * from "./audit";
export * from "./settings";
export * from "./training";
export * from "./incidents";
export * from "./regulations";
export * from "./contractors";
