import { addAddressInput, createCustomerInput, customerIdInput, customerSearchInput, updateNotesInput } from '@repo/domain';
import { addAddress, createCustomer, customerFile, updateNotes } from '../customers/customer-file.js';
import { searchCustomers } from '../customers/customer-search.js';
import { hqProcedure, router } from '../trpc.js';

/** The customer's file (客户档案), the center of a call: find the caller, read and extend their file. */
export const customersRouter = router({
  search: hqProcedure.input(customerSearchInput).query(({ ctx, input }) => searchCustomers(ctx.db, input.query, input.limit)),
  file: hqProcedure.input(customerIdInput).query(({ ctx, input }) => customerFile(ctx.db, input.customerId)),
  create: hqProcedure.input(createCustomerInput).mutation(({ ctx, input }) => createCustomer(ctx.db, input, ctx.now())),
  addAddress: hqProcedure.input(addAddressInput).mutation(({ ctx, input }) => addAddress(ctx.db, input, ctx.now())),
  updateNotes: hqProcedure.input(updateNotesInput).mutation(({ ctx, input }) => updateNotes(ctx.db, input, ctx.now())),
});
