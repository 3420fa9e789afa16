import type { ManagedDevice } from '../../../src/skills/security/types';
import type { SecurityDataSource } from '../../../src/skills/security/types';
import { fakeSource } from '../security/fake-source';

/** A managed device as Intune reports it; tests override the OS fields they care about. */
export function device(overrides: Partial<ManagedDevice> = {}): ManagedDevice {
  return {
    id: 'd-1',
    deviceName: 'FABRIKAM-LT-01',
    userPrincipalName: 'sam.taylor@fabrikam.com',
    userDisplayName: 'Sam Taylor',
    operatingSystem: 'Windows',
    osVersion: '10.0.22631.3880',
    complianceState: 'compliant',
    lastSyncDateTime: '2025-08-26T09:00:00Z',
    enrolledDateTime: '2025-01-10T09:00:00Z',
    isEncrypted: true,
    managedDeviceOwnerType: 'company',
    ...overrides,
  };
}

/** A live-looking source (not demo) whose Intune inventory is exactly `devices`. */
export function sourceWithDevices(devices: ManagedDevice[]): SecurityDataSource {
  return { ...fakeSource({}), listDevices: async () => devices };
}
