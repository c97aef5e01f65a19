/**
 * The data the bench's requests run against: one provisioned account (with
 * its contract and primary login) and, for the staff routes, an active staff
 * item. Imports the function code lazily: the environment must already
 * point at the bench table.
 */
import { randomUUID } from 'node:crypto';

export interface BenchAccount {
  loginId: string;
  accountId: string;
  contractNumber: string;
  primaryContactId: string;
  staffId: string;
}

export const provisionBenchAccount = async (): Promise<BenchAccount> => {
  const { provisionAccount } = await import('../functions/staff/provision.ts');
  const { tableStore } = await import('#core/table/function-store');
  const { createStaffPut } = await import('#core/entities/staff');
  const loginId = `bench-login-${randomUUID()}`;
  const contractNumber = `B-${loginId.slice(-8)}`;
  const account = await provisionAccount(tableStore, {
    name: 'Bench Hosting Ltd',
    contractNumbers: [contractNumber],
    primary: {
      firstName: 'Bench',
      lastName: 'Owner',
      companyName: 'Bench Hosting Ltd',
      email: `owner-${loginId.slice(-8)}@bench.example`,
      phone: '+441632960000',
      address: { line1: '1 Bench Street', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' },
    },
    loginId,
    newLogin: true,
  });
  const staffId = `bench-staff-${randomUUID()}`;
  const at = new Date().toISOString();
  await tableStore.put(
    createStaffPut({
      staffId,
      username: 'staff@bench.example',
      name: 'Bench Staff',
      status: 'active',
      createdAt: at,
      updatedAt: at,
    })
  );
  return {
    loginId,
    accountId: account.id,
    contractNumber,
    primaryContactId: account.primaryContactId,
    staffId,
  };
};
