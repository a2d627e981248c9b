P2PCSearch.load("d/3",["values/glossary/index.html","Hoʻohanohano","To conduct yourself with dignity to honor others",["; "],["hoohanohano","","$%&()-*+,#"]]);
