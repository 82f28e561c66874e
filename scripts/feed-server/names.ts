// Name pools for a French retailer's customers, with a minority from neighbouring countries.

export type Origin = 'fr' | 'be-fr' | 'be-nl' | 'ch-fr' | 'ch-de' | 'de' | 'es' | 'it' | 'gb';
export type Gender = 'f' | 'm';

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
  /** Languages with weights. */
  languages: readonly (readonly [string, number])[];
  emailDomains: readonly string[];
  country: 'FR' | 'BE' | 'CH';
}

/** Splits a comma-separated list written across lines. */
export function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.replace(/\s+/g, ' ').trim())
    .filter((item) => item.length > 0);
}

export const namePools: Record<Origin, NamePool> = {
  fr: {
    female: list(`Léa, Chloé, Zoé, Hélène, Amélie, Noémie, Céline, Anaïs, Éloïse, Inès, Camille, Manon, Marie-Claire,
      Isabelle, Catherine, Stéphanie, Élisabeth, Sophie, Nathalie, Juliette, Maëlle, Geneviève, Françoise, Clémence,
      Aurélie, Émilie, Laëtitia, Agnès, Sylvie, Margaux, Nadia, Yasmine, Fatoumata, Linh, Emma, Jade, Louise, Alice,
      Lina, Rose, Anna, Mila, Ambre, Julia, Léonie, Lucie, Romane, Charlotte, Adèle, Capucine, Apolline, Garance,
      Mathilde, Pauline, Marion, Justine, Élodie, Virginie, Sandrine, Valérie, Véronique, Christine, Martine, Brigitte,
      Monique, Danielle, Josiane, Odile, Thérèse, Bérénice, Solène, Maëva, Océane, Mélanie, Audrey, Caroline, Delphine,
      Florence, Annick, Gwenaëlle, Soizic, Morgane, Aïcha, Samira, Leïla, Salomé, Héloïse, Joséphine, Victoire,
      Constance, Ophélie, Coralie, Laure, Armelle, Édith, Irène, Noëlle, Raphaëlle, Séverine, Anne-Sophie`),
    male: list(`Jérôme, Frédéric, Stéphane, Hervé, André, Raphaël, Gaël, Loïc, Maël, Clément, Jean-Baptiste, François,
      Benoît, Emmanuel, Alexandre, Nicolas, Christophe, Thomas, Hugo, Mathis, Sébastien, Jean-François, Rémi, Noël,
      Théo, Étienne, Joël, Grégoire, Karim, Mamadou, Minh, Gabriel, Léo, Louis, Arthur, Jules, Adam, Lucas, Nathan,
      Tom, Paul, Sacha, Victor, Martin, Maxime, Antoine, Baptiste, Quentin, Romain, Julien, Guillaume, Vincent,
      Laurent, Olivier, Philippe, Patrick, Michel, Bernard, Jacques, Pierre, Alain, Gérard, Didier, Thierry, Pascal,
      Éric, Bruno, Yannick, Gwenaël, Erwan, Ronan, Yves, Marc, Cédric, Fabrice, Aurélien, Timothée, Côme, Augustin,
      Anatole, Félix, Valentin, Benjamin, Samuel, Mehdi, Youssef, Rachid, Moussa, Ibrahima, Kévin, Jérémy, Mickaël,
      Gaëtan, Loïs, Aymeric, Henri, Édouard, Bastien, Florian, Jean-Pierre`),
    family: list(`Lefèvre, Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon,
      Laurent, Michel, Garcia, Bertrand, Roux, Fournier, Morel, Girard, Mercier, Dupont, Lambert, Bonnet, François,
      Legrand, Garnier, Faure, Rousseau, Guérin, Muller, Roussel, Perrin, Gauthier, Fontaine, Chevalier, Gérard, Nguyen,
      Lemaire, Noël, Pérez, Dufour, Brunet, Schmitt, Leclerc, Lacroix, Rivière, Le Gall, Le Goff, Ménard, Prévost,
      Carré, Rémy, Bénard, Da Silva, Dos Santos, N'Diaye, Diallo, Haddad, Benali, Tran, Martin-Lefèvre, d'Aubigné,
      Lévêque, Boucher, Hébert, Godard, Kervella, Le Bihan, Caradec, Etcheverry, Pagès, Giraud, Marchand, David,
      Vincent, Blanc, Henry, Mathieu, Clément, Dumont, Lopez, Robin, Masson, Sanchez, Boyer, Denis, Duval, Joly,
      Gautier, Roger, Roche, Roy, Meyer, Lucas, Meunier, Jean, Marchal, Blanchard, Barbier, Brun, Dumas, Leroux, Colin,
      Fernandez, Pierre, Renard, Arnaud, Rolland, Caron, Aubert, Vidal, Bourgeois, Renaud, Lemoine, Picard, Gaillard,
      Philippe, Leclercq, Fabre, Dupuis, Olivier, Rodriguez, Hubert, Louis, Charles, Guillot, Guillaume, Adam, Rey,
      Moulin, Gonzalez, Berger, Lecomte, Fleury, Deschamps, Carpentier, Julien, Benoît, Paris, Maillard, Aubry, Vasseur,
      Le Roux, Renault, Jacquet, Collet, Poirier, Charpentier, Royer, Huet, Baron, Dupuy, Pons, Paul, Laine, Breton,
      Perrot, Guyot, Barre, Marty, Cousin, Bouvier, Lebrun, Mallet, Béranger, Chauvin, Besnard, Lejeune, Tessier,
      Bailly, Bertin, Lemaître, Leblanc, Morin, Gilbert, Hamel, Rivet, Hoarau, Payet, Grondin, Marie, Guillou,
      Le Floch, Le Corre, Quéré, Tanguy, Le Roy, Jaouen, Pichon, Gosselin, Vallée, Cordier, Gillet, Courtois, Millet,
      Poulain, Lemoigne, Delmas, Bousquet, Castel, Fabié, Cazenave, Lafont, Delorme, Chabert, Chevallier, Bonnin,
      Weber, Klein, Schneider, Kieffer, Wagner, Herrmann, Becker, Pham, Le, Hoang, Benhamou, Cohen, Bensaïd, Mansouri,
      Traoré, Koné, Camara, Sylla, Ferreira, Pereira, Rodrigues, Martins, Lopes, Gomes, Fernandes, Moreira, Dubreuil,
      Sauvage, Bataille, Carton, Delattre, Deroo, Vandenberghe, Lemercier, Jourdain, Pineau, Hérault, Thébault,
      Tessière, Jégou, Régnier, Gérardin, Lévy, Sénéchal, Després, Aubé, Pelletier, Tardieu`),
    languages: [
      ['fr', 96],
      ['en', 3],
      ['ar', 1],
    ],
    emailDomains: list(`orange.fr, orange.fr, free.fr, gmail.com, gmail.com, gmail.com, laposte.net, sfr.fr, hotmail.fr,
      yahoo.fr, wanadoo.fr, outlook.fr, icloud.com, example.org`),
    country: 'FR',
  },
  'be-fr': {
    female: list('Amandine, Gaëlle, Aurore, Élodie, Justine, Marie, Laurence, Séverine, Fabienne, Mélissa, Chantal'),
    male: list('Cédric, Grégory, Olivier, Quentin, Sébastien, Xavier, Benoît, Damien, Arnaud, Michaël, Thibaut'),
    family: list(`Dubois, Lambert, Dupont, Lejeune, Renard, Leclercq, Delvaux, Wauters, Lemaître, Dumont, Denis,
      Hermans, Lecocq, Collignon, Simon, Laurent, Gilson, Masson, Piette, Henrard`),
    languages: [['fr', 1]],
    emailDomains: list('skynet.be, gmail.com, hotmail.com, proximus.be, example.org'),
    country: 'BE',
  },
  'be-nl': {
    female: list('Annelies, Els, Lotte, Sofie, Inge, Fien, Katrien, Liesbeth, Nele, Marieke, Griet'),
    male: list('Pieter, Wouter, Jan, Bart, Joris, Sander, Koen, Dries, Stijn, Tom, Geert'),
    family: list(`Peeters, Janssens, Maes, Jacobs, Claes, Van den Broeck, De Smet, Vermeulen, Goossens, Willems,
      Mertens, Wouters, Dierckx, Van Damme, De Vos, Verstraete, Hendrickx, Desmet, Coppens, Michiels`),
    languages: [
      ['nl', 80],
      ['fr', 15],
      ['en', 5],
    ],
    emailDomains: list('telenet.be, gmail.com, skynet.be, hotmail.com'),
    country: 'BE',
  },
  'ch-fr': {
    female: list('Séverine, Nathalie, Valérie, Chantal, Mélanie, Sylviane, Josiane, Corinne, Aline, Gisèle'),
    male: list('Yves, Pascal, Jean-Daniel, Loïc, Cédric, Jean-Marc, Raphaël, Frédéric, Laurent, Gilles'),
    family: list(`Favre, Rochat, Perret, Bonvin, Rey, Golay, Chappuis, Jaquet, Morand, Cuénod, Pittet, Monnier,
      Reymond, Roulet, Berset, Dubey`),
    languages: [['fr', 1]],
    emailDomains: list('bluewin.ch, gmail.com, sunrise.ch, example.org'),
    country: 'CH',
  },
  'ch-de': {
    female: list('Ursula, Regula, Barbara, Andrea, Nicole, Verena, Cornelia, Brigitte, Daniela, Sabine'),
    male: list('Urs, Beat, Reto, Lukas, Matthias, Thomas, Daniel, Martin, Peter, Hansruedi'),
    family: list(`Müller, Meier, Schmid, Keller, Weber, Huber, Brunner, Zürcher, Steiner, Baumann, Frei, Gerber,
      Moser, Widmer, Zimmermann, Bühler`),
    languages: [
      ['de', 70],
      ['fr', 25],
      ['en', 5],
    ],
    emailDomains: list('bluewin.ch, gmx.ch, gmail.com'),
    country: 'CH',
  },
  de: {
    female: list('Anna, Katharina, Sabine, Lena, Ute, Birgit, Jana, Kerstin, Anja, Franziska, Heike'),
    male: list('Jürgen, Klaus, Stefan, Jörg, Maximilian, Tobias, Uwe, Florian, Sven, Dirk, Matthias'),
    family: list(`Schneider, Fischer, Weber, Wagner, Becker, Schäfer, Köhler, Groß, Hoffmann, Schulz, Koch, Richter,
      Wolf, Schröder, Neumann, Braun, Krüger, Hofmann`),
    languages: [
      ['de', 75],
      ['fr', 20],
      ['en', 5],
    ],
    emailDomains: list('gmx.de, web.de, gmail.com, t-online.de'),
    country: 'FR',
  },
  es: {
    female: list('María José, Lucía, Inés, Pilar, Nuria, Carmen, Laura, Marta, Rocío, Begoña, Montserrat'),
    male: list('José, Javier, Álvaro, Andrés, Íñigo, Sergio, Pablo, Jesús, Raúl, Jordi, Óscar'),
    family: list(`García, Fernández, López, Martínez, Sánchez, Gómez, Muñoz, Ibáñez, Rodríguez, Pérez, Jiménez,
      Ruiz, Díaz, Moreno, Álvarez, Romero, Navarro, Domínguez`),
    languages: [
      ['fr', 60],
      ['es', 40],
    ],
    emailDomains: list('gmail.com, yahoo.es, hotmail.fr, orange.fr'),
    country: 'FR',
  },
  it: {
    female: list('Giulia, Francesca, Chiara, Federica, Alessia, Valentina, Elena, Sara, Martina, Silvia, Ilaria'),
    male: list('Niccolò, Luca, Matteo, Giuseppe, Lorenzo, Marco, Andrea, Davide, Riccardo, Stefano, Fabrizio'),
    family: list(`Rossi, Russo, Ferrari, Esposito, Bianchi, D'Amico, Colombo, Ricci, Romano, Gallo, Conti, De Luca,
      Costa, Giordano, Mancini, Rizzo, Lombardi, Moretti`),
    languages: [
      ['fr', 60],
      ['it', 40],
    ],
    emailDomains: list('gmail.com, libero.it, free.fr, orange.fr'),
    country: 'FR',
  },
  gb: {
    female: list('Charlotte, Emily, Olivia, Siobhan, Harriet, Sophie, Hannah, Eleanor, Grace, Lucy, Imogen'),
    male: list('James, Oliver, William, Callum, Rhys, George, Harry, Jack, Alistair, Edward, Owen'),
    family: list(`Smith, Jones, Taylor, Brown, Williams, O'Connor, Davies, Evans, Wilson, Thomson, Robinson, Wright,
      Walker, Hughes, Green, Hall, Wood, MacDonald`),
    languages: [
      ['en', 90],
      ['fr', 10],
    ],
    emailDomains: list('gmail.com, hotmail.co.uk, btinternet.com, outlook.com'),
    country: 'FR',
  },
};

export const originWeights: readonly (readonly [Origin, number])[] = [
  ['fr', 80],
  ['be-fr', 3],
  ['be-nl', 2],
  ['ch-fr', 2],
  ['ch-de', 2],
  ['de', 3],
  ['es', 3],
  ['it', 3],
  ['gb', 2],
];
