P2PCSearch.load("d/2",["five-steps/cards/index.html","Card: listen first","Listen before you coach Questions first",[". "],["c1","","$%&(+)*#"]]);
