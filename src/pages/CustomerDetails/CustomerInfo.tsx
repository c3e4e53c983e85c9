import { useAppSelector } from '../../app/hooks';
import { Details } from '../../components/Details';
import { formatAddress, formatEnum } from '../../components/format';
import { selectCustomerById } from '../../entities/customers/customersSlice';

export function CustomerInfo({ customerID }: { customerID: string }) {
  const customer = useAppSelector((state) => selectCustomerById(state, customerID));
  if (!customer) return null;
  const name = [customer.firstName, customer.middleName, customer.lastName, customer.suffix]
    .filter(Boolean)
    .join(' ');
  return (
    <section aria-labelledby="customer-info-heading" className="record-card">
      <h2 id="customer-info-heading">Customer info</h2>
      <Details
        rows={[
          ['Name', name],
          ['DoD ID', customer.edipi],
          ['Branch', formatEnum(customer.agency)],
          ['Phone', customer.phone],
          ['Email', customer.email],
          ['Current address', formatAddress(customer.currentAddress)],
          [
            'Backup contact',
            `${customer.backupContact.name}, ${customer.backupContact.phone}, ${customer.backupContact.email}`,
          ],
        ]}
      />
    </section>
  );
}
