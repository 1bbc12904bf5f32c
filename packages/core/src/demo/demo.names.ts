/** Given names and family names by language area, for invented people. */

/** A comma-separated list, so that long name lists stay compact. */
function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}
export interface NamePool {
  first: readonly string[];
  last: readonly string[];
}

const de: NamePool = {
  first: list(`
    Anna, Lukas, Sabine, Thomas, Julia, Michael, Katrin, Stefan, Laura, Andreas, Miriam, Jan,
    Claudia, Matthias, Lea, Florian, Nadine, Tobias, Sarah, Markus, Johanna, Felix, Carina,
    Benedikt, Ursula, Jürgen, Franziska, Dominik, Heike, Moritz, Svenja, Philipp, Ines, Sebastian,
    Greta, Niklas, Marlene, Kai, Helga, Jonas
  `),
  last: list(`
    Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Koch,
    Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hartmann, Lange,
    Werner, Krause, Lehmann, Köhler, Maier, Huber, Kaiser, Fuchs, Peters, Lang, Scholz, Möller,
    Weiß, Jung, Hahn, Vogel, Friedrich, Keller
  `),
};

const ch: NamePool = {
  first: list(`
    Reto, Corinne, Beat, Nadja, Urs, Martina, Adrian, Seraina, Roman, Bettina, Marco, Flurina,
    Patrick, Chantal, Simon, Andrea, Lorenz, Nicole, Fabian, Regula
  `),
  last: list(`
    Brunner, Zürcher, Gerber, Baumann, Frei, Steiner, Widmer, Moser, Graf, Lüthi, Käser, Suter,
    Hug, Aebischer, Bühler, Wyss, Marti, Schläpfer, Rüegg, Egli
  `),
};

const fr: NamePool = {
  first: list(`
    Camille, Julien, Élodie, Nicolas, Sophie, Mathieu, Céline, Antoine, Aurélie, Pierre, Manon,
    Guillaume, Chloé, Thibault, Isabelle, Olivier, Margaux, François, Léa, Hugo, Nathalie,
    Baptiste, Inès, Romain, Hélène, Étienne, Pauline, Lucas, Sandrine, Théo
  `),
  last: list(`
    Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent,
    Lefèvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André,
    Mercier, Dupont, Lambert, Bonnet, Rousseau, Favre, Chevalier
  `),
};

const it: NamePool = {
  first: list(`
    Giulia, Marco, Francesca, Luca, Chiara, Alessandro, Valentina, Matteo, Federica, Davide, Elena,
    Stefano, Silvia, Andrea, Martina, Paolo, Sara, Giorgio, Alessia, Lorenzo
  `),
  last: list(`
    Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo,
    Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti
  `),
};

const us: NamePool = {
  first: list(`
    Jennifer, Michael, Ashley, David, Emily, Christopher, Jessica, Brian, Megan, Kevin, Rachel,
    Jason, Lauren, Ryan, Amanda, Tyler, Nicole, Marcus, Priya, Daniel, Keisha, Carlos, Hannah,
    Derek, Stephanie, Andre, Olivia, Nathan, Grace, Victor
  `),
  last: list(`
    Johnson, Williams, Brown, Jones, Miller, Davis, Rodriguez, Martinez, Anderson, Taylor, Thomas,
    Moore, Jackson, Lee, Harris, Clark, Lewis, Walker, Young, Allen, Patel, Nguyen, Carter,
    Mitchell, Reed, Coleman, Brooks, Sanders, Hayes, Foster
  `),
};

const uk: NamePool = {
  first: list(`
    Oliver, Charlotte, Harry, Amelia, George, Emily, James, Sophie, William, Isla, Thomas, Poppy,
    Jack, Eleanor, Alfie, Freya, Ciarán, Aoife, Niamh, Declan, Rhys, Imogen, Callum, Hannah, Rory,
    Lucy, Edward, Zara, Owen, Abigail
  `),
  last: list(`
    Smith, Jones, Taylor, Brown, Wilson, Evans, Thomas, Roberts, Walker, Wright, Hughes, Edwards,
    Green, Hall, Wood, Harris, Clarke, Murphy, O'Brien, Kelly, Byrne, Walsh, Ryan, Gallagher,
    Turner, Cooper, Morgan, Bennett, Price, Shaw
  `),
};

const nl: NamePool = {
  first: list(`
    Daan, Sanne, Bram, Lotte, Ruben, Femke, Thijs, Anouk, Joost, Eline, Sem, Fleur, Pieter,
    Marloes, Jeroen, Iris, Koen, Noor, Wouter, Lieke, Stijn, Esther, Maarten, Floor, Hendrik, Roos,
    Niels, Maud, Gijs, Evi
  `),
  last: list(`
    de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer,
    de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit,
    Dijkstra, Smits, de Graaf, van der Meer, Kok, Jacobs, Willems, Claes, Maes
  `),
};

const nordic: NamePool = {
  first: list(`
    Erik, Ingrid, Lars, Astrid, Anders, Karin, Mikkel, Sofie, Henrik, Freja, Johan, Maja, Magnus,
    Linnea, Nils, Sigrid, Oskar, Elin, Rasmus, Ida
  `),
  last: list(`
    Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsen, Hansen, Jensen, Nielsen, Pedersen,
    Lindqvist, Berg, Dahl, Holm, Solberg, Bakken, Lund, Ström, Sandberg, Haugen
  `),
};

const es: NamePool = {
  first: list(`
    Lucía, Javier, Carmen, Alejandro, Marta, Pablo, Elena, Diego, Laura, Andrés, Valentina, Sergio,
    Paula, Manuel, Isabel, Camilo, Daniela, Jorge, Natalia, Raúl
  `),
  last: list(`
    García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Martín, Ruiz,
    Díaz, Moreno, Álvarez, Romero, Navarro, Torres, Vargas, Castro, Ortega
  `),
};

const hu: NamePool = {
  first: list(`
    Zsófia, Bence, Réka, Gábor, Eszter, Péter, Anna, Balázs, Katalin, Dániel
  `),
  last: list(`
    Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas
  `),
};

const jp: NamePool = {
  first: list(`
    Haruto, Yui, Kenji, Aiko, Takeshi, Sakura, Hiroshi, Mei, Daiki, Naoko
  `),
  last: list(`
    Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato
  `),
};

const gulf: NamePool = {
  first: list(`
    Omar, Layla, Khalid, Fatima, Yousef, Mariam, Rashid, Noura, Tariq, Huda
  `),
  last: list(`
    Al Mansouri, Haddad, Al Hashimi, Nasser, Khoury, Al Zaabi, Saleh, Farouk, Aziz, Hamdan
  `),
};

const india: NamePool = {
  first: list(`
    Ananya, Rahul, Priya, Vikram, Sneha, Arjun, Kavya, Rohan, Meera, Sanjay
  `),
  last: list(`
    Sharma, Reddy, Iyer, Patel, Rao, Menon, Gupta, Nair, Kulkarni, Desai
  `),
};

const baltic: NamePool = {
  first: list(`
    Lukas, Gabija, Mantas, Ieva, Tomas, Rūta, Dovydas, Austėja, Jonas, Eglė
  `),
  last: list(`
    Kazlauskas, Jankauskienė, Petrauskas, Stankevičius, Vasiliauskas, Žukauskaitė, Butkus,
    Paulauskas, Urbonas, Kavaliauskas
  `),
};

/** The name pool for a country (ISO 3166-1 alpha-2); Switzerland mixes its language areas. */
export function namesFor(country: string): NamePool[] {
  switch (country) {
    case 'CH':
      return [ch, ch, de, fr, it];
    case 'DE':
    case 'AT':
      return [de];
    case 'FR':
      return [fr];
    case 'BE':
      return [nl, fr];
    case 'NL':
      return [nl];
    case 'IT':
      return [it];
    case 'US':
      return [us];
    case 'GB':
    case 'IE':
      return [uk];
    case 'SE':
    case 'DK':
    case 'NO':
      return [nordic];
    case 'ES':
    case 'CO':
      return [es];
    case 'HU':
      return [hu];
    case 'JP':
      return [jp];
    case 'AE':
      return [gulf];
    case 'IN':
      return [india];
    case 'LT':
      return [baltic];
    default:
      return [uk];
  }
}
