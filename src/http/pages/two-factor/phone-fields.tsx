import { FormField } from '../components/form-field.js';
import type { PageContext } from '../shared/page-context.js';
import { CountrySelect } from './country-select.js';

/** A phone number and the country it is dialled in, as the SMS and call forms ask for them. */
export function PhoneFields(props: {
  page: PageContext;
  label: string;
  value: string;
  country: string;
  countries: string[];
}) {
  const { page } = props;
  return (
    <>
      <CountrySelect
        locale={page.locale}
        label={page.t('codePage.phone.country')}
        countries={props.countries}
        selected={props.country}
      />
      <FormField
        name="phone"
        type="tel"
        label={props.label}
        hint={page.t('codePage.phone.hint')}
        autocomplete="tel"
        value={props.value}
      />
    </>
  );
}
