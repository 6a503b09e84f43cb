// Shared jest setup. Browser-only stubs belong here, guarded so node tests are untouched.
export {};
