export { createDemoTenant, DEMO_TENANT_ID, DEMO_TENANT_NAME } from './tenant';
export { DEMO_IPS } from './signins';
export { DEMO_FILES } from './incidents';
export { PHISHING_SITE } from './network';
