P2PCSearch.load("d/0",["about/index.html","About <this> & that","Coaching questions listening peers",[", "],["","","$%)&(#"]]);
