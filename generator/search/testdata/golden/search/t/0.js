P2PCSearch.load("t/0","#ask 0!#card 8!$oach ### ing!%nduct <!&vers , ation!#digniti < 1y!#first 8!#good 0!#honor <!%ohanohano @!#listen #&( ing!#open ,!$ther < s!#peer #$ s!#question #(# s");
