// The "accounts" documents both clients insert: the shape of the jsC8 sample (firstname, lastname, City, …),
// about 200 bytes of JSON each, made from the index alone. bench/PSC8.Bench/Data/Accounts.cs builds the same
// documents; the harness compares the two before it measures anything (`node accounts.cjs N` prints N of them).
"use strict";

const firstNames = ["Peter", "Bruce", "Clark", "Diana", "Tony", "Natasha", "Ned", "Arya", "Tywin", "Cersei", "Jaime", "Sansa"];
const lastNames = ["Parker", "Wayne", "Kent", "Prince", "Stark", "Romanoff", "Lannister", "Targaryen", "Snow", "Banner", "Rogers"];
const cities = ["NewYork", "Gotham", "Metropolis", "Manhatten", "Winterfell", "Kings Landing", "San Francisco", "Berlin", "Mumbai"];

const pad = (n, width) => String(n).padStart(width, "0");

function account(i) {
  const firstname = firstNames[i % firstNames.length];
  const lastname = lastNames[Math.floor(i / firstNames.length) % lastNames.length];
  return {
    firstname,
    lastname,
    email: `${firstname.toLowerCase()}.${lastname.toLowerCase()}.${i}@example.com`,
    City: cities[i % cities.length],
    zip: pad(i % 100000, 5),
    phone: `+1-555-${pad((i * 7919) % 10000000, 7)}`,
    balance: ((i * 7919) % 10000000) / 100,
    age: 18 + (i % 62),
    active: i % 3 !== 0,
    since: `${2000 + (i % 25)}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`,
  };
}

const pool = (count) => Array.from({ length: count }, (_, i) => account(i));

module.exports = { account, pool };

if (require.main === module) {
  const count = Number(process.argv[2] || 3);
  for (let i = 0; i < count; i++) console.log(JSON.stringify(account(i)));
}
