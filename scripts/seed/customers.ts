import type { Random } from './random';

export interface CustomerSpec {
  readonly name: string;
  readonly phone?: string;
  readonly email?: string;
}

const FIRST_NAMES = (
  'Amelia,Benjamin,Camila,Daniel,Eleanor,Farid,Grace,Hannah,Isaac,Julia,Kenji,Leila,Marcus,' +
  'Nadia,Oliver,Priya,Quentin,Rosa,Samuel,Tara,Umar,Valerie,William,Ximena,Yusuf,Zoe,Aaron,' +
  'Beatrice,Carlos,Dalia,Ethan,Fatima,George,Helen,Ivan,Jasmine,Kevin,Lucia,Mohammed,Naomi,' +
  'Owen,Paula,Rafael,Sophie,Thomas,Ursula,Victor,Wendy,Yara,Arash,Shirin,Darius,Mina,Reza'
).split(',');

const LAST_NAMES = (
  'Hartley,Nguyen,Okafor,Rossi,Schneider,Kaplan,Haddad,Moreau,Tanaka,Oconnell,Petrov,' +
  'Alvarez,Bennett,Chen,Dubois,Esposito,Fischer,Gallagher,Hosseini,Ibrahim,Jensen,Kowalski,' +
  'Lindqvist,Martinez,Novak,Olsen,Patel,Quinn,Rahimi,Sato,Thompson,Underwood,Vasquez,Walsh,' +
  'Yilmaz,Zimmerman,Abbasi,Brooks,Carter,Delgado,Farahani,Greene,Hughes,Karimi,Lowell,Mehta'
).split(',');

/** Exchanges 555-0100 to 555-0199 are set aside for fiction: no real customer is called. */
const AREA_CODES = ['201', '973', '212', '914', '646', '908', '718', '862', '203', '516'];
const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

/**
 * Customers as the counter meets them: most leave a phone and an email, some only a phone,
 * a few only an email; phones in whatever formatting the salesperson typed.
 */
export function generateCustomers(count: number, random: Random): CustomerSpec[] {
  const names = new Set<string>();
  const phones = new Set<string>();
  const customers: CustomerSpec[] = [];
  while (customers.length < count) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const display = last === 'Oconnell' ? "O'Connell" : last;
    const name = `${first} ${display}`;
    if (names.has(name)) continue;
    names.add(name);
    let digits: string;
    do {
      digits = `${random.pick(AREA_CODES)}5550${random.int(100, 199)}`;
    } while (phones.has(digits));
    phones.add(digits);
    const [area, exchange, line] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
    const phone = random.pick([
      `(${area}) ${exchange}-${line}`,
      `${area}-${exchange}-${line}`,
      `+1 ${area} ${exchange} ${line}`,
    ]);
    const email = `${first}.${last}@${random.pick(MAIL_DOMAINS)}`.toLowerCase();
    const contact = random.weighted<'both' | 'phone' | 'email'>([
      ['both', 65],
      ['phone', 25],
      ['email', 10],
    ]);
    customers.push({
      name,
      ...(contact !== 'email' ? { phone } : {}),
      ...(contact !== 'phone' ? { email } : {}),
    });
  }
  return customers;
}
