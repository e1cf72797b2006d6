Muž v oranžové čepici se dívá na něco.
Bagan běží po chodě zelené trávě před bílým plotem.
Dívka v karatistském dresu si dává klacek před kopou.
Pět lidí v zimních bundách a helmách stojí ve sněhu, s sníh v pozadí.
Lidé opravují střechu domu.
Muž ve světle barevném oblečení fotí skupinu mužů v tmavých oblecích a kloboucích stojí kolem ženy v rekolých šatech.
Skupina lidí stojí před obchodem.
Chlapec v červeném dresu se pokouší otátku z domácí talíř, zatímco chytač v modré uniformě se snaží chytit.
Muž pracuje na budově.
Muž v vestě sedí na židli a drží magazíny.
Matka a její mladý si užívají krásné den venku.
Muži hrají volejbal, jeden z nich má míč a drží za ruce nahoru ve vzduchu.
Žena drží mísu jídla v kuchyni.
Muž sedí u stolu na stole v tlamě.
Tři lidé sedí v masce.
Dívka v džínových šatech jde po kládě.
Blondýna se drží za ruce s mužem v písku.
Žena v šedém svetru a černé kšiltovce stojí ve frontě v obchodě.
Člověk v pruhovaném triku leze po skále.
Dva muži, kteří vystupují, aby se podívali.
Lidé stojí před budovou.
Teenager hraje na svém trumpetu na hřišti na hru.
Žena dělá na pláži a dělá na pláži.
Muž stojí u skupiny kavárny v baru.
Žena používá vrtačku, zatímco jiný muž fotí.
Žena v růžovém svetru a zástěře čistí stůl s ručníem.
Muž krájí větve stromů.
Skupina asijských chlapců čeká na maso, aby vaří na grilu.
Ženy v tradičním oblečení, které jsou dobrovné život.
Jeden muž drží dalšího muže a připravuje se kopnout do obličeje.
Šest lidí jede na horském kole skrz dýtu.
Dvě blonďaté dívky sedí na římse v zalidněném náměstí.
Dítě cáká ve vodě.
Tři lidé sedí u piknikového stolu venku před budovou, na které jsou neževýda.
Tři chlapci stojí na molu v plavkách.
Zaměstnanec drží kabelku, zatímco si prohlíží rybu na pouličním trhu.
Krásná žena hraje na chádku.
Na budově v uniformách se dívá do fotoaparátu a dívá se do fotoaparátu.
Mladá dáma se dívá na pizzu.
Muž bez trička v šortkách rybaří a stojí na nějakých kamenech.
Dívka v záchranné vestě plave ve vodě.
Muž v uniformě a muž v modré košili stojí před dodávkou.
Lidé sedí uvnitř vlaku.
Dítě se houpe s nohama ve vzduchu v lese.
Muž v červeném triku vstupuje do okna.
Dva muži v plavkách skáče do vzduchu na rekovném pláži.
Batole vaří s jiným člověkem.
Otec a dvě děti jsou venku a dvě děti pracují na zahradě a pracují na dvorku a sbírající strom.
Muž vaří jídlo na sporáku.
Muž v džínách na pláži si hraje s červeným míčkem.
Lidé chodí po chodníku vedle řady obchodů.
Jezdec na wakeboardu předvádí salto, zatímco je vypadá do vysokého auta.
Velká skupina lidí vyplňuje ulici.
Muž na nějakém řadě se dívá do vody.
Žena v džínách jde kolem autobusu se storou ženou, která vyhlíží přes své sluneční brýle.
Muž v růžovém triku sedí v trávě a míč je ve vzduchu.
Auto zaparkovaný na pláži.
Dva muži v černém ve městě.
Muž ve žlutých kalhotách zvedá ruce.
Dva muži, kteří mají na sobě klobouky a používá klacky, jdou poblíž vody, během západu slunce.
Tým roztleskávaček pracuje na židlích.
Kluk hraje dámu a dospělý z nich se dívá.
Dav lidí z nějakého původu ve veřejném parku.
Muž sedí na lavičce a drží svého psa a dívá se na vodu.
Chlapec a jeho mladší bratr si hrají na hřišti.
Žena v modrém se dívá v černé kožené taškou, zatímco sedí na lavičce během slunečného dne, zatímco lidé a jsou za ní jsou za ní.
Hnědý pes stojí na písečné pláži.
Žena sedí s košíkem látky, obklopená látku.
Muž griluje na svém zahradě.
Žena zpívá v klubu s kytarou za ní.
Kytarista hraje na noční červené kytaru.
Dítě sedí na trávníku a dívá se do fotoaparátu.
Dvě dámy a tři muži se dívají na oceán.
Umělkyně s housle hraje na ulici, zatímco žena s modrou kytaru se dívá.
Mladá dívka plave v bazénu.
Několik dětí je venku, aby se podívali na hraní.
Tři teenageři v metru si hrají.
Hnědý pes jde v trávě s vyplazeným jazykem.
Lidé sedící na trávě před budovou, si dávají pauzu.
Muž bez trika se dívá do dáli, zatímco tři ženy jdou kolem davu sedí venku před kavárnou.
Dva mladí chlapci dávají ovoce na kole.
Muž v černém triku, čepici a džínách hraje na bubny na skateboardu ve vzduchu na žlutém.
Mladá žena maluje obrázek ženy na zdi.
Dvě ženy kapely vystupují ve skoku a jsou obklopeni dvěma ženami.
Muž míchá kus kapalinu v modrém kuchyni.
Chlapec dělá wakeboardu na jezeře.
Muž pracuje na hotdogy.
Velká skupina lidí různého věku sedí venku.
Blonďatá žena v baru v baru.
Malé dítě, které má na sobě modro-bílé triko, která se drží žlutou plastovou, drží žlutou plastovou.
Žena s růžovými vlasy v černém mluví s mužem.
Muž v japonském prostředí připravuje jídlo na dva lidi.
Dívka sjíždějí přes řeku z kamene.
Dělník se svým nástrojem klečí vedle dvou žen.
Starší muž otevírá svůj ruce a dívá se na nosa.
Dítě v bílém karate procvičuje trik.
Tři muži ve stejnéch vestách jsou venku.
Žena fotí miminko, který má růžové čepici, zatímco muž nese ní.
Skupinačlenná asijských dětí sedících v modrých židlích.
Mladý chlapec ve fotbalovém dresu pláče do svého stolu.
Šťastná žena připravuje venku v kavárně v kavárně.
Dělník řídí těžkém vybavení na práci.
Žena běží pomocí odpalu, zatímco chytač se drží jeho nohy.
Muž v pracovním dresu míjí nástroje na jiného člověka.
Skupina lidí leze na chladné počasí.
Horkovista se chystá dolů po hoře s modrou helmou.
Muž dělá stojku na vrcholu kulaté sochy.
Dítě sedí v restauraci u restaurace a drží papír na tváři.
Hnědý pes se brodí jezera, aby mohli klacek.
Matka učí své dvě mladé chlapci u kamenného pobřeží velmi modré vodě.
Malé dítě jde vedle červených plakáty.
Dívka sedí na motorovém kole s mladším chlapcem, zatímco jiná dívka fotí.
Černý pes zabíhá míč ve vodě.
Muž v bílých kalhotách a modré košili kope do žlutého krabici.
Dva Indi se účastní obřadu.
Kluk s krádkou a píše na ruce stojí v obývacím obchodě.
Dva horolezci pádlují na kanoi na oceánu během západu slunce.
Lidé stojí v zalidněné metru a nástupišti venku je vidět z okna.
Muž na zdi s ohněm v ruce.
Dva hnědí psi běží sněhem.
Na pódiu vystupují malý kapely.
Miminko v vánočním oděvu se dívá do fotoaparátu.
Muž sedí vedle počítače.
Tato dáma má na sobě žáta a smějí se.
Lidé uvnitř budovy, jeden fotí.
Čtyři bílí psi s náhubkem skáče přes červenou zdi.
Žena v modrém triku drží miminko.
Dva lidé sedí a rybaří na pruhovaných plážových židlích ve vodě.
Stará žena pracuje na tkalcovském stroji.
Chlapec stojí v popředí a dívá se z druhého lidí na kurtu.
Muž v modré bundě si dává na rameni mladého chlapce.
Tři hnědí psi skáčou na ženu v modrém.
Kluk visí z silnice, které jsou obsahátného okna.
Muž v šedém triku skáče přes vrchol písečné duny v poušti.
Dítě ve žlutém triku skáče nahoru a dolů.
Dělník ve žluté bundě je zachyceno vysoko a pracuje na budově.
Muž v tričku dává dobrovku a mluví s mladým dospělých.
Několik mužů táhne na baru s vánočním světly na stropu.
Muž jede po útesu nad oceánem.
Muž v černém jde k svém autě ve sněhu.
Bersník skáče po míči.
Policista v kšiltovce a saku se usmívá, zatímco se slunečními brýlemi před obchodem.
V parku se prochází v parku.
Muž v zelené helmě a žluté bezpečnostní vestě se mračí.
Dítě s růžovými provázky na hlavě tančí obklopená zlátky a balónky.
Pes s krátkem na něco na břehu řeky.
Muž připravuje své místním stojí pro den.
Muž v červeném triku se chystá jídlo.
Mladá žena v bílém drží tenisovou raketu.
Chlapec v červeném triku kope do písku se žlutou lopatou.
Jedinec v kožené bundě je na dřevěné lavičce.
Muž v bílém triku se dívá z okna kovového konstrukci.
Žena drží malou bílou sochu.
Šest mužů bezch dětí si hrají ve vodě a cáká si.
Dva lidé jedou na kolech skrz hory.
Dívka skáče přes švihadlo na chodníku poblíž parkoviště.
Muž v oranžovém triku a helmě.
Malý chlapec si hraje s plastovými skvrnami, auty a zvířaty se dívá.
Malá dívka otevírá vánoční dárky.
Žena v modrém používá fotoaparát před dvěma dalšími ženami.
Malá dívka se pokouší oštěp na hliněné pohovce.
Hnědo-černý pes běží po stezce v lese.
Dva psi si hrají u stromu.
Zatímco jde v černém kabátě a kalhotách na schodech zatímco fotoaparát se soustředí na psa.
Dva muži v zeleném připravují jídlo v restauraci.
Muž oblečený v černé kůži a kovbojském klobouku jde kolem Mesagany.
Pes běží venku se žlutým hračkou.
Pes ve sněhu běží ve sněhu.
Rodina si hraje na pláži s psem.
Žena a dítě se objímají, zatímco dítě se dívá na něčem.
Dva muži a žena stojí venku.
Skupina mužů používá klády, aby tlačí loď z vody.
Muž pije z vína a čte noviny.
Muž v černém a hraje na piano.
Mladý chlapec v modrém dresu a žlutých šortkách hraje fotbal.
Muž stojí na kamenné stavbě s roztaženýma rukama.
Pes pije vodu venku na trávě.
Dvě ženy v tílkách se dívají do fotoaparátu.
Muž sedí na dětské židli a připravuje se na hračky.
Mladé dítě v zelených botách si hraje v bahně.
Muž používá motorovou pilu, aby vylálají pilu.
Muž sedí u piknikového stolu s vodopádem a částečně za ním před ním.
Chlapec v černém triku a modrých džínách drží červený baseballovou pálkou.
Tmavovlasý muž v brýlích a triku sedí na trávě.
Psi běží na psí dráze.
Vousatý muž s falešnými tetováním na zádech přes balkónu.
Dva potápěči na sebe.
Toto je skupina lidí, kteří stojí na nějaké akci.
Hnědo-bílý pes nanáší hračku.
Muž s bílými vlasy hraje na akordeon uprostřed nějakých budov.
Žena s hnědými vlasy sedí na lavičce před kavárnou.
Muž vedle kola hraje na flétnu.
Dvě děti balancuje na kládě a drží provaz.
Muž jede na motorce předvádí trik na dráze.
Mladá žena s fialovým šátkem se opírá o obličej ležící na dřevěné verandě.
Žena v hnědém triku sedí na jasně červené lavičce.
Pes jde po kládě přes malé řeky.
Mladý muž v bílém triku a zelených šortkách stojí na pařez.
Skupina lidí je pokrytá deštníky.
Muž se sklání s velkou ceduli na svém kole.
Muž hází klád do vody, zatímco dva psi sledují.
Skupina starších mužů hraje na nástroje pod stanem u vody.
Pohled shora na zalidněné městské ulici.
Mladá blondýnka drží bílou provaz na slunečném dni.
Dva lidé v modrých tričkách jsou venku s býkem.
Černý pes plave do bazénu.
Kovboj jede na koni v soutěži.
Pouliční chlapeček předvádí údržbu na železniční trati.
Dělník v oranžové vestě používá lopatu.
Dva dělníci mají diskuzi, zatímco jsou na práci.
Tři muži jdou do kopce.
Asijská žena v květovaných svatebních šatech pózuje na mostě blízko své matky.
Mladý muž se nanáší kytaru v kuchyni.
Tři chlapci si hrají s lasem a kbelíkem vody.
Tři stavební dělníci jsou na chodníku.
Lidé v lese sjíždějí do lesa.
Blonďatá skupina je shromážděna v kostele.
Skupina mladých dospívajících skáče v noci v noci.
Dva muži jedou na kajaku, jeden oranžovou, dolů po potoka.
Dva pracovníci sbírají cementou na cihlovou budovou.
Žena v červeném svetru a džínách sedí s rukama na levé ruce.
Dva umělci si dávají skovku pro publikum, který se dívá na tom.
Tady odpočívá a čeká na letišti.
Muž ve žluté bundě táhne oheň, zatímco chlapec v parku se dívá.
Muž a chlapec na kamenné pláži.
Žena na lodi, na kterém je napsáno "Pong""
Chlapec sedí a dívá se z mikroskopu.
Mladá bosá dívka v růžových šatech skáče venku.
Mnoho lidí sedí okolo stanu venku.
Mladík v černém triku s nápisem "AOS" hraje na bubny, zatímco sedí.
Muž prodává věci poblíž silnice, na kterém jsou výdaviště.
Dívka ve žlutém se směje na dívku v oranžovém, zatímco se dívají na dívku v modrém.
Pes skáče přes překážku venku.
Pes s černým obojkem se soustředí v hlíně a balí listí.
Dva hnědí psi si hrají v divokém plášti.
Muž s knírem a vousy drží ceduli, který má za sebou.
Muž, který na sobě má na sobě vysavné vybavení oblečení, který má na sobě rysku.
Muž v černém triku rybaří na kamenném břehu.
Dva psi jsou na sebe v ruce.
Dva muži se zastavili na chodníku, zatímco projíždí kolem.
Mivý muž sedí a čeká na zákazníky.
Několik auta se školním autobuse za nimi.
Dvě ženy v podobně tričkách jdou po levé.
Mladé dítě v oranžové záchranné vestě drží ve vodě.
Lidé, kteří jdou po stezce v parkovišti plném parku.
Tři mladí dospělí si povídají v davu lidí, žena se dívá.
Žena a dítě venku před dveřmi v přírodě.
Černý muž a jeho dvě bílí kamarádky dávají hlavu blízko sebe.
Dívka v maskáčových kalhotách sedí na střeše.
Světle hnědý pes běží.
Chlapec pózuje s velkou zelenou v nose.
Plešatý muž, který se nechává ohrát, jak vysokýho hnědého psa.
Dav lidí na rušné ulici.
Chrt s náhubkem, který má na sobě žluté a černé běží po dráze.
Muž v sandálech sedí na chodníku poblíž nějakých tašek.
Muž a žena sedí na vrcholu plotu a povídají si.
Dítě se dívá na kafe v obchodě.
Muž pije z žlutého kelímku okolo lidí na rušné akci.
Chlapec se opírá o auto s květinami na kapotě.
Žena v květovaných šatech mluví s dětmi před dodávkou.
Muž na své svatební den.
Mladá žena v černém triku a džínách zametá.
Žena s čepicí leze na útesu poblíž velkého vodní plochy.
Velký černý pudl běží po trávě s hračkou v tlamě.
Chlapec v šortkách dělá trik na skateboardu.
Malý chlapec v červených kalhotách stojí na ulici.
Žena píše na telefonu, zatímco je obklopen deštníky.
Osm mužů hraje na hudební nástroje na pódiu, s kytaristou ve vzduchu.
Muž v oranžové kombinéze a stejné přilbě pomáhá s modrou hadicí.
Muž a dvě dívky ukazují rybu, zatímco drží rybářský prut před vodou.
Muž v červeném triku pozoruje psa na kolotoči.
Chlapec v červeno-bílých plavkách se potápě na krásném bazénu.
Asijská žena sbírá vlasy.
Starší žena a malé dítě v růžovém triku si hraje s barevnými kostkami.
Malý černý pes skáče přes brankou.
Hnědovlasý muž v zeleném triku hraje venku na trumpetu.
Muž mluví do telefonu s nohama.
Skupina dětí sedí na modré podložce, zatímco jí z mísy.
Černý chlapec sedí v písku.
Malý pes se dívá na dva velcí psi, kteří si hrají na poli.
Lidé sedící v kruhu před velkou budovou.
Jeden pes skáče, aby chytil softball, zatímco jiný přihlíží.
Blonďaté dítě se houpe na houpačce.
Jeden muž a dvě ženy mají diskuzi přes bílou vína.
Asijský muž vaří jídlo venku.
Hnědý pes se chystá chytit zelenou frisbee.
Fanoušci fandí kapely hraje píseň.
Mladý chlapec stojí vedle písečné sochy v pyramidu.
Tři malé děti jdou po travnaté zahradě.
Muž se soustředí na dortu na vozíku.
Muž na kole jede na hoře.
Chlapec v modro-žlutéch botách běží po hlíně.
Žena v oranžové bundě sedí na lavičce.
Muž dělá trik na skateboardu.
Muž v uniformě bojového umění ve vzduchu.
Žena prodává ovoce na chodníku.
Dva fotbalové týmy jsou na hřišti.
Dítě v modrém triku skáče z lavičky.
Brankář ve žlutém hřišti sbírá gól.
Skupina mladých lidí fotí v mexiceném prostředí.
Mladý muž jede na skateboardu z růžové zábradlí.
Mladý chlapec skáče z posteli na malém posteli.
Dva lidé ve středověkých kostýmech, jedna modré a jedna fialové, stojí na silnici.
Muž, který běží v modré košili s číslem "nos.
Asijský dělník pózuje na kameru.
Muž, který se zdá, že běží maraton, když jsou kusichy.
Basketbalista střílí na gól během hry.
Fotbalista v oranžové uniformě se usmívá a drží fotbalový míč.
Dvě klouže na skateboardu při západu slunce, zatímco ostatní přihlíží.
Tým v bílém a zlaté na postranní fotbalovém hřišti.
Malá dívka tlačí své koloběžce přes travnaté strom.
Skupina asijských dětí oblečených v bílých tričkách a kloboucích vystupují s davem se dívá.
Chodci jdou po ulici a dívá se na dítě v kartonovém krabici.
Hnědý pes běží po písečné pláži.
Dva muži v vojenských uniformách stojí vedle ženy.
Na husuu, kde jsou seřazeni, kde jsou výládi, aby mohli řísisisy a vysasají vlajky a rozsasají vlajky.
Cyklista skáče přes překážku.
Pár sedící v bílých zahradních židlích se usmívá do fotoaparátu.
Mladé děti jsou na malém vlaku.
Surfař v modrých plavkách jede na vlnách.
Chlapec skáče do svého fotbalového bratra.
Dva mladí muži na opačných fotbalové týmy se perou na míč na fotbalovém hřišti.
Lidé chodí na dlážděném svahu obklopeném čínskými prodejkami.
Mladý chlapec v bílých kalhotách skáče z gauče.
Chlapec v oranžovém triku je výtku z útesu.
Žena v hnědé sandálech a modrých džínách drží miminko pod vysokou stromem.
Tři lidé, kteří se usmívají a drží zasavní nápisy.
Policista stojí vedle auta na městské ulici.
Dva muži v kloboucích.
Chlapec ve vzduchu se pokouší do fotbalového míče.
Mladý chlapec s modrou čepicí má hlavu dolů.
Dlouhovlasý muž s dredy sedí a hraje na akustickou kytaru.
Muž jí sendvič s dítětem na klíně.
Afroamerické dítě drží něco na fotce.
Žena vede dav lidí s lémalem.
Mnoho diváků se dívají, zatímco muž v obleku dělá proslov a muž v obleku drží mísu ovoce.
Dav prezentuje na baru.
Dívka v bílém a dívka v zeleném prochází kolem modrého auta.
Muž používá elektrické vybavení.
Člověk surfuje na vlně v oceánu.
Asisník si prohlíží něco.
Nevěsta a ženich se líbají pod nevěsty.
Několik polici stojí v pozadí, zatímco mladý muž s červenou šálou si zakrývá obličej.
Černo-bílý pes skáče přes strkovný v soutěži.
Žena ve svetru čte knihu v puse.
Několik dorostenců se dívá přes zábradlí v tmavé místnosti.
Muž v bílém triku se připravuje na skálu.
Dospívající chlapec se protahuje v kuchyni a je zapadá z svého bádku.
Lidé drží různé druhy bicích s různými druhy na bubny.
Tři hasiči se přetahují na basketbalovém poli.
Dvě ženy a muž se dívají na knihu.
Tři děti se objímají, zatímco stojí poblíž neskoládné provázku.
Kuchař pózuje na kameru, zatímco vaří.
Mnoho lidí na ulici protestuje pomocí rostliny.
Nadhazovač skáče z kopce se svým kolem.
Malá dívka běží na břehu pláže.
Bílá kachna má na vodě křídky ve vodě.
Dva muži, kteří vypadají a povídají si, zatímco stojí před nákladním předmětem, zatímco čtyři lidé stojí okolo nich.
Žena v růžové sukni drží miminko.
Hokejový hráč ve žlutém dresu kontroluje gól.
Muž jde kolem velkého nápisu, na kterém je napsáno "Posas."
Tři chlapci v zelených tričkách a béžových kalhotách pózují na vrcholu skluzavky.
Muž tančí s psem mezi nohama.
Bílý pes běží v mělké vodě.
Posisici jsou seřazeni s kapelou.
Skupina dětí si spolu hrají na oplocené zahradě, zatímco ho dospělý sleduje.
Skupina žen hraje na hudební nástroje.
Malá dívka ve fialové kostkované šatech leží na zemi a pláče.
Muž s šedými vlasy si holí vousy.
Dva černí psi, černý štěně a bílý pes ve sněhu.
Muž v basketbalovém dresu, který skáče, aby udělal trik.
Žena sedí venku před svým domem s modrými dveřmi, si užívají do vzduchu.
Děti sedí na muže v klubu.
Šedý pes skáče přes vodu v písku.
Dav se sešla okolo parku v dešti.
Několik starších mužů, někteří v tradičním klobouku na rohu ulice.
Mladý žeslátka se dívá ve sněhu a dívá se na psa.
Hráč amerického fotbalu v zlatém dresu blokuje míč od druhého týmu.
Žena v černém triku plete s fialovým fontánou.
Čtyři ženy asijského původu mají na sobě zlatý šaty, zatímco vystupují s míčem.
Člověk hraje na unikátně nástroj.
Dívka v černém sportovním oblečení s číslem 60 na červeném dresu běží přes trávu.
Dítě přechází s číslem "No".
Starší pán a mladá dívka se perou na sebe.
Pouliční umělec předvádí mladé afrického chlapce ve žlutém triku.
Ulice s cyklistem s cyklistem a několika auty.
Muž jede na kopou býka v býkovi.
Chlapec skáče, aby chytil tenisový míček s raketou.
Děti na zeď, zatímco dva další lidé pozorují.
Lidé, kteří jdou po nemovném kempu s palmami v pozadí.
Malá dívka kope do karate.
Dva muži se snaží zatatají z vody na chodníku z pneumatiky.
Dva muži tančí, zatímco se dav přihlíží.
Těšně oblečená žena stojí na pódiu a jí si něco, jak jí něco výtka.
Žena leží na pohovce a směje se.
Terénní podlaze je žešována, jedna a jedna černé žena.
Lyžař skáče přes plot.
Tři psi si spolu hrají na poli.
Dvě malé děti jsou na písku.
Usmívající se mladý chlapec si hraje v listí mezi kachny.
Tito čtyři lidé stojí venku s třemi psy.
Zatímco jsou navštěvují výtasky, zatímco skáče do směrem v chodách.
Dívka, která má na sobě kostkovanou košili má otevřenou pusu.
Skolá skupina naplňuje vodu v poušti.
Muž stojí na městské ulici.
Silueta ptáků letí s jídlem v pozadí.
Dva muži jedou po farmě, zatímco se účastní svého přívěsu.
Dva lidé stojí na vrcholu hory.
Mladá dívka si užívá sněhovou anděl.
Tři muži se usmívají na kameru a ukazuje z sluchátek.
Člověk píše na tabuli v prázdné třídě.
Muž v černém triku sedí u stolu s otevřenou laptopem před ním.
Čtyři lidé odpočívají na travnatém kopci s výhledem na kamennou údolí.
Chlapec s skateboardem skáče do vzduchu na nějakých zábradlí.
Muž v oranžovém triku hraje tenis.
Pes s červeným obojkem zvedá zuby na psa s modrým obojkem.
Chlapec venku si užívá letní den.
Dělník v oranžové pracovním obleku klečí a kontroluje kus stroj.
Muži v kovbojských kloboucích stojí na rodeu.
Jsou tam dva psi ve sněhu a jeden má něco v tlamě.
Zaměstnanec si dává pauzu od práce, aby mohli pití.
Béžový pes běží za bílým psem drží žlutou hračku.
Hokejista v bílém dresu s klackem.
Muž v bílém triku se zlatým výrazem si hraje s kamovem.
Černý kůň sbírá hlavu skrz plot.
Hudka, který se zdá, aby se dostala svou rukou, aby se dostate, zatímco kouří.
Dva muži a dívka se smějí.
Dítě se opírá o výstavu z modro-žlutého plastové, zatímco se dospělý dívá.
Černý a černý pes se prochází po strmátku ve sněhu.
Mladá dívka stojí vedle žlutého kočku na kuchyňském pultu.
Dvě děti si hrají na hřišti.
Tenistka v zeleném pruhovaném triku drží ruku v tlamě.
Chlapec v červeném obleku si hraje ve vodě.
Dítě v červené bundě a čepici drží velký kus sněhu.
Dva policisté v oranžových bundách stojí před bílým stanem s diváky.
Dva lidé stojí vedle stromu na zemi.
Dva muži sedí u kamenné budovy.
Bruneta s brýlemi drží blonďaté dítě v červeném svetru a žlutých botách.
Černobílý pes si hraje s bílým míčkem.
Dva lidé se líbají na chodníku před výlohou, zatímco lidé prochází kolem.
Žena hraje volejbal.
Dva velcí psi bojují na hliněném poli.
Hnědý pes skáče přes překážku.
Muž v pruhovaném triku kouří cigaretu na ulici.
Malá dívka drží malého chlapce na klíně.
Muž, který se snaží sjet velmi býka na krásném dni.
Děti se perou, aby se mohli ohrát.
Cyklista se opírá o horském kole kolem, který je na hliněné dráze.
Dva lidé a vodavní krávy v domě.
Mladý chlapec se učí, jak jede na kole se svým otcem.
Chlapec v červeném triku a černých šortkách zametá horu.
Africká rodina stojí před nějakými reklamou.
Muž hraje na nástroj vedle stromu.
Dvě ženy drží za ruce u stolu a usmívají se do fotoaparátu.
Svalnatý hnědý pes jde po trávě.
Baseballový hráč v černém triku právě vysahuje hráče v bílém triku.
Žena drží velký kontroluje aby si hrála.
Dva psi, jeden s tenisovým míčkem v tlamě, běží vysokou trávou.
Dva dospělí a dvě děti sedí na lavičce v parku.
Žena v travnatém poli vyfukuje na kolotoči.
Muž prodává spousty lidí.
Skupina lidí na ulici se shromáždili a poslouchají akordeon.
Muž sedí na lavičce a natahuje se na svůj ruce.
Starý muž v tradičním triku s těžkou košilí čte noviny.
Starší muž v brýlích připravuje maso.
Muž předvádí trik na kole stojí na kole a stojí na šlape, zatímco je na kole je na kole.
Muž je na pláži na písečné sochy.
Několik lidí v parku jedí u piknikového stolu.
Dvě ženy jsou seřazeni na strom v nějakém typu práce.
Kovboj v rodeu se pokouší do lasa, aby se dostalo 8.
Pes skáče skrz překážkovou překážku.
Obádá žena s dlouhými černými vlasy v růžovém triku se jmenovkou na střeše.
Muž opravuje malou dívku na kole.
Dvě dívky ve svých sukních tancují před nějakými hudebními nástroji v ulici.
Žlutý pes nese klacek u vody.
Dívka ve svetru blokuje slunce.
Pouliční koncert.
Tři ženy v jasně zbarveném oblečení a s šálami drží vykovní dárky.
Hnědý pes hrabe v hlíně.
Mladý chlapec v bílé pruhované košili a čelence drží tenisovou raketu.
Dva psi běží od kamery v lese.
Dívka si hraje ve fontáně plného látky.
Tři mladí mladíci stojí a poslouchá, a poslouchá.
Dva muži jdou po kládě u kraje lesa.
Tři hráči mají tým protihráče na zemi.
Dva chlapci přechází městskou ulicí, zatímco kope do červeného fotbalového míče.
Muž drží druhého se svým zádech.
Bílý pes na hoře se otáčí, aby se dostali na něco mimo záběr v pozadí.
Chlapec jede na skateboardu na skateboardu.
Dlouhovlasý muž si hraje na piano.
Tři atleti drží kytici stojí na pódiu.
Dva muži v červených šatech.
Mladý chlapec visí na oblečení na oblečení.
Malá dívka v růžovém se drží baru.
Muž v zeleném skáče s několika motorem na svém motorce.
Žena si hraje s dvěma mladými chlapci v parku.
Čtyři lidé hrají fotbal na pláži.
Dvě dospívající dívky se objímají, jeden v cyklistickém helmě, s cyklistem v pozadí.
Dva středně velcí psi běží přes sníh.
Žena stojí v zeleném poli a drží bílého psa a ukazuje na hnědého psa.
V venkovním trhu je focen plný obrázky.
Dva lidé sedí u stolu venku u zdi a dělá obličeje.
Dva muži s peřívky se směje.
Dítě leží na béžovém koberci a směje se.
Muž a žena jsou zasažené ruce sedí a všichni oblečeni.
Dvě ženy v dětském bazénu zápasí.
Muž v bílém triku jde s pitím v ruce.
Dva lidé se dívají na jezero v jezeře.
Několik lidí sedí u stolu ve formálním oblečení.
Dvě dívky, všichni v modrém a jedna v růžovém, závodí na kolečkových bruslích.
Čtyři lidé sedí na hromadě kamení.
Skupina lidí ve triky na motorce.
Cyklista v závodním vybavení jede lesem.
Muž v zeleném triku jde po pláži a nese své tenis.
Několik mužů stojí okolo venkovského závodního auta.
Dva muži pracují pod kapotou bílé závodní auto.
Děti skáčou z vody do bazénu.
Muž na okraji zdi se chystá vytadit.
Žena v pruhovaném oblečení na kole.
Dívka v černém pózuje na kameru.
Muž v šortkách stojí u vody.
Čtyři černí muži sedí na schodech v kostele.
Malíř obsluhuje mezi hromady suti.
Gymnastka v červeno-bílém je na rovné baru.
Starší dáma v zeleném svetru sbírá zeleninu.
Dva muži dělají věci v dílně s nástroji.
Učitel v bílém a malá dívka ve žlutých šatech si hraje s budovou.
Mladé dítě spí v posteli s otevřenou knihy na hrudi.
Žena jí v trávě na krásném dni.
Muž jde po dlážděné ulici vedle budovy s popračenými červenými lampami.
Žena v klobouku se žlutými chleba.
Obátá žena používá velkou pukovku a kátavky a váda, zatímco stojí v chudém poli, zatímco stojí v zámovném poli.
Muž v karate vystupuje před dvěma lidmi.
Muž ve formálním oděvu hraje na chodníku na chodníku ve městě.
Postarší muž sedí na židli a jí nějaké svačiny.
Žena v bílém triku pracuje za pultem v kavárně.
Muž v pracovním oblečení stojí na zadní nákladního auta.
Dvě děti se dívají na koních skrz malý plot.
Váda s nějakém druhy na tváři.
Žena, která má na sobě jasně růžové, skáče na obličej, aby na sobě má fialové, a stojí venku, která stojí venku ve fialovém, která stojí venku před Brasasem.
Kovboj zabalená na ruce s kapelou.
Muž ve žlutém triku a muž v tmavě modré košili mluví.
Tři asijské děti sedí na gauči s říženými rukama v pozadí.
Dívka v červeném triku skáče, aby chytil tenisový míček.
Muž pózuje do fotoaparátu se zeleným jeřábem.
Muž sbírá láhev s dalším člověkem zatímco se usmívá v restauraci.
Muž nakládá krabici s mnoha hodně peky.
Muž v černé bundě hraje na kytaru ve veřejném prostranství.
Členové skupina vystupuje v průvodu.
Muž stojí na kamenném útesu s výhledem na vodu.
Policisté sledují ženu z autobusu.
Dva muži středního věku se dívají přes parkoviště v noci.
Dva muži v modrých tričkách se dívají na fotbal.
Skupina mužů v modrých uniformách stojí spolu.
Mladá dáma dělá jógu na pláži.
Velký dav lidí stojí v parku a několik lidí hrají na nástroje.
Muž s balónem z balónků předvádí zvířátka.
Muž griluje maso na venkovním grilu.
Dva muži prodává ovoce na trhu.
Bruneta v bílých bikinách se dívá na pití do mikrofonu.
Chlapec ve slunečních brýlích běží za pouti.
Barmanka drží něco, co vypadá jako otátku na kládě.
Muž v kostkované košili ukazuje z černého koše.
Dva muži v bílých plastových židlích sedí ve dveřích.
Mladá dívka v červených šatech má na sobě černé kovbojské klobouk.
Muž v červenobílých fotbalové uniformě stojí na hřišti a skáče na poli se žlutými fotbalovým míčem.
Lidé skáčou přes hory na provazu.
Lidé, kteří se dívají na domů v maratonu.
Lidé na laptopech před velkou oknem.
Býlátka na rušném stroji při práci, zatímco se za ním za ním.
Muž v rukavicích nese kukuřici přes pole.
Obrázek fotí zrcadlem z kavárny.
Žena, která drží balónky na hromadu akci.
Žena sedí v mělké oblasti s kokou a dvěma šerami.
Žena sedí u cihlové zdi uvnitř budovy.
Tři mladé ženy sedí na červených skládacích židlích.
Žena v modrém triku jde ve vesnici.
Šest dětí, kteří sedí na schodu, na které jsou skotisy a voskovkami.
Světle hnědý pes si hraje s klackem na břehu.
Dva psi si hrají na třetím psa, který má vyplazeným jazykem.
Dítě na motorce se usmívá.
6 lidé jsou shromážděni okolo velkého večeři.
Dezdomovec je focen na tradičním prostranství.
Aramotici jdou podél New Yorku v dešti.
Žena v modré helmě a červených kalhotách jede na motorce.
Několik mužů má na sobě bojových umění, zatímco předvádí nějakých chody.
Mladá žena a muž v tradičním kostýmu sbírá klacky s skupinou lidí v pozadí.
Muž v uniformě jde po ulici s dvěma auty a stromem.
Mladá žena leze po skále.
Starší muž ve světle modré bundě pracuje na autě na kraji silnice.
Lidé se dívají přes několika kus papíru na stole.
Muž zpívá a hraje na kytaru do mikrofonu.
Dva muži sedí v restauraci.
Dvě ženy v šortkách běží po pláži podél vody.
Stavební dělníci mají diskuzi u kolejích.
Pohled z ulice v černé zástěře, kde muž v černé zástěře a bílé kšiltovce stojí uprostřed obrazy.
Skupina lidí si hraje na předmět.
Malá dívka v modrém oblečení leze na kovových zábradlí na ulici.
Skupina mužů sedí a mluví za nějakými zeleným ovoce.
Muž ve žlutém oblečení stojí za mikrofonem pod stanem.
Hnědý pes s fialovým frisbee v tlamě.
Vypadá to, jak muž procvičuje svého umění, zatímco se zaplálají vodního umění.
Žena s nápoji a žena s telefonem.
Dítě v červené bundě mává ruku ve vzduchu, zatímco leží ve sněhu vedle červeného plastového dne.
Žena sedí vedle svého kabelku a dívá se na psy v parku.
Tři muži stojí na pódiu, jeden má klauna a drží kytaru.
Žena nakládá rostliny v kmenovém vesnici.
Žena v červených šatech tancuje s mužem v obleku.
Dva malí psi s tenisovým míčkem s tenisovým míčkem.
Muž s hustými vousy a baseballovou čepicí sedí na lavičce v parku.
Afroameričan stojí na svém zahradě s lesem v pozadí.
Mladá dívka se snaží dát kozu kozu.
Asiaté sedí v restauraci s žlutými židlemi.
Malá dívka jí sušenek, zatímco sedí na židli a má bryndák.
Šedovlasý muž v černých rukavicích se pohybuje trávou.
Žena čte knihu, zatímco sedí v řadě z červených židlí.
Dítě, které jsou oblečená, zatímco jede na ramenech.
Rodina jde po chodníku ve sněhu, zatímco muž sedí na straně svou papírem.
Batole sedí na vrcholu obchodu s nápisem.
Muž v růžovém triku a černé bundě se sluchátky.
Mladý muž se chystá hodit míč.
Muž a dívka jdou po rušném chodníku.
Žena s růžovými vlasy je dolů po chodníku a drží růžové psy.
Muž v obleku drží nápoj v kelímku, který jde po chodníku vedle městského autobusu.
Muž skáče s kamenným útvarem v pozadí.
Člověk v červené bundě s černými kalhotami drží barevný stuhy.
Žena si dává ruku na člověka sedící na vozíčku.
Muž v bílé zástěře vaří něco s vajíčky na muže v hnědé bundě.
Žena v tlačící telefonu a dav čeká na přechodu.
Skupina mužů jde po městské ulici.
Ulice vedle svého místa s mnoha sloupy.
Skupina lidí v černém stojí na molu poblíž dlouhé konstrukce.
Muž nese několik žen.
Muž středního věku sedí a hraje na akordeon.
Dívka v zelené mikině s kapucí, vlasy, vlasy, stojí venku.
Mladá dívka v růžovém triku běží na pláži směrem k oceánu.
Skateboardista v černém triku a džínách jede ve městě.
Muž v bundě fotí velkou budovou.
Lidé na kraji fotbalového zápasu.
Na této fotce je rodina na rušné ulici ve městě.
Skupina lidí jde po ulici ve slunci.
Ulice poblíž lampy s několika lidmi, včetně muže v hnědém kabátě a slunečních brýlích s rukou na tváři.
Nějací lidé jsou u okna.
Tento hráč s modrou helmou má na míči a právě vytálají do míče během týmové hry.
Žena ve zlatým kabátě je výtaně, aby chytil metro.
Nějací lidé sedí na lavičkách pod řadou stromy před budovou.
Muž v obleku sedí na autobusové zastávce.
Afroameričan, který je obklopena prázdným kýblem a tmavém kýblem a tmavě barevné bedky, které jsou na kádku, které jsou na dechu.
Mladá brunetka jí a pije něco.
Muž v obleku a klobouku hraje na kytaru na ulici.
Žena v červené vestě pracuje na počítači.
Lidé stojí ve frontě, aby mohli kouři do obličeje.
Muž používá zrcadly, aby se kravatou.
Nesičuje před několika kamarády, zatímco šťastný dav sedí a poslouchá.
Dva mladí muži jedou na velmi malém koni s náhubkem plným brambory.
Žena v šatech jde po ulici kolem staveniště.
Pohled v obchodě v obchodě, zatímco se zákazníka kupuje alkoholy na svého automatu.
Muž se slunečními brýlemi, který řídí konstrukk a vykrlá štěrk na zemi.
Dítě si hraje s hračkami a dívá se na černo-bílou kočka.
Náctiletá dívka nese kytaru v lese.
Muž s batohem jde po ulici.
Dva muži se baví před obchodem s obchodem v chodách.
Žena v černém drží něco v tlamě.
Skupina lidí sedí venku okolo malého stolu.
Muž jede na kole na rampě.
Žena v černém tílku a s batohem se dívá do dáli u dálky.
Tři mladé dívky jdou po chodníku.
Žena s dlouhými vlasy je na kolotoči.
Muž jede na skateboardu na silnici, zatímco jiný muž pozoruje z chodníku.
Muž v černé kožené bundě stojí před cedulí.
Muž a žena zpívají venku venku.
Mladá dívka s kudrnatými blonďatými vlasy v bílém triku leží na trávě a drží květin.
Mladá skupina fotbalistů v zelených uniformách vystupují s míčem.
Žena na veřejnosti na veřejnosti za žlutým páskem.
Muž se krčí, zatímco dělá žisku, zatímco ho holuba v pozadí.
Skupina mužů stojí na poli.
V rušného dne na místním městském kurtu v místním městě.
Muž s cigaretou v tlamě opravuje talíř.
Dvě skupiny plavců se brodí.
Lidé sedí na lavičce na městském náměstí s roztaženými předměty, včetně lampy a šaty, kteří stojí poblíž.
Dělníci staví díru s kbelíkem.
Muž bez trika v černých šortkách stojí na kamenné břehu k velké množství vody.
Policista je na hodinu, zatímco se na ni dívá.
Lidé hrají kulečník, jeden je v modré košili a jiní žena, kteří jsou a jiní žena, a jiní žena, který a druhý žena, který se drží sváda.
Lidé stojí před sochou obklopený vodou.
Žena se dívá na muže, který se zkříženýma rukama.
Muž středního věku v bílých šortkách a žabkách se dívá na silnici.
Dva muži v tmavě oranžových rukavicích a sandálech stojí u velké reflexní sochy.
Dva lidé jsou na tomodě ve své lodi.
Muž a žena stojí na ulici ve městě.
Pracovníci se vynořuje z metra.
Čtyři muži, tři z nich mají na sobě šátky, sedí na modro--žovném atožené matce.
Toto je velký skupina lidí sedící venku na lavičkách.
Muž v červeném triku jde kolem tyrkysovo-bílého jídelního stánku s nápisem "Nosta."
Vojáci vystupující nějaký druhy.
Starší muž s cigaretou v puse a kšiltovce kontroluje svůj foťák.
Malý orchestr si hraje s otevřenými housle.
Muž v červeném obleku tancuje s ženou.
Dva lidé se dívají na noci v noci ve městě.
Dva motokrosové cyklisté, kteří má na sobě ochranné vybavení, jeden ve vzduchu za skoku a druhý se dívá dolů na jeho motorce.
Několik mužů oblečených v oranžové se shromáždili na venkovní akci.
Dvě mladé dívky běží po chodníku venku před cihlovou budovou s nápisem.
Dva lidé lezou po prudké hory.
Dítě leží na zemi vedle kočárku.
Pes táhne muže a žena.
Mnoho lidí na trhu se dívá na různé různé věci.
Dva mladí muži hrají na elektrickou kytaru na pódiu.
Potetovaný muž nalévá pivo z láhve do fontány.
Dva lidé stojí venku vedle skovní hračky a odpadky.
Čtyři lidé jedou na kolech na kole poblíž rušné ulice.
Žena v růžovém triku a s brýlemi.
Žena v červeném triku zvedá ruku, aby jí dav pod ním.
Chlapec v bílých šortkách skáče do jezera nebo řeky.
Malá dívka se dívá skrz dalekohled na pláži.
Několik dělníků v oranžových bezpečnostních vestách kope do země.
Člověk v mikině stojí před budovou.
Stavební dělníci mají na sobě žesa.
Muž jede na koni s nějakými dalšími muži, kteří dělají za ním.
Afroameričan jde po ulici.
Dva hasiči pózují pro fotku.
Žena s neonově sluchátky píše do sešitu.
Žena v zeleném triku s krátkými rukávy mluví do telefonu.
Malé africký dítě nese mladší dítě na zádech.
Skupina lidí sedí na židlích.
Člověk s šátkem stojí na ulici před svým věcmi.
Orientální člověk v červeném triku a černých kalhotách se krčí přes kabelku na betonu.
Černý pes a hnědý pes s míčem.
Muž v černé vestě drží model letadla.
Muž na poli s výhledem na výhled.
Muž v obleku a kravatě a žena se zavazadla a žena s zavazadly, kteří čekají v chodě.
Dítě jde po chodníku s několika americkými vlajkami.
Černý pes běží na zelené trávě s hračkou v tlamě.
Otec jede na zádech a ukazuje se svou dopravy.
Pes se otáčí na trávě aby chytil míč.
Skupina studentů sedí a poslouchá muže.
Lidé jedou na koloběžkách po ulici v noci.
Velká šedý na kole a muž na kole.
Muž v oranžovém triku a blonďatý chlapec jedou s dalšími lidmi na "Posu.
Mladý muž a žena poblíž velké kovové sochy.
Turista v červeno-bílo-modrém a modré se naklání na molu.
Muž v černé čepici fotí na rušné ulici.
Muž stojí na rušné ulici a dívá se svou hlavu.
Žena v černém má malou dívku ve žlutých šatech na ramenou.
Skupina lidí na ulici prodává nástroje.
Osamělý cyklista je vedle sebe.
Tři lidé jdou po horské stezce, zatímco jedna žena se dívá na kameru.
Několik asiatů v černém oblečení na nějakém nádraží.
Žena v červené sukni jde po ulici s graffiti v pozadí.
Gymnastka v modro růžovém oblečení předvádí svíčky.
Lidé v bílých šatech sedí na kraji fontány, žena v bílých šatech sedí na kraji.
Muž sedí na lavičce pod velkým stromem.
Tři muži v červenobílých pruhovaných tričkách, bílých kalhotách a černých kloboucích drží vlajky.
Lidé obdivují práce umění.
Mnoho asijského centra s papírami a obchody.
Tito lidé lezou po schodech, aby sjíždí horu.
Malé dítě v modrém oblečení se dívá z nějakých stromů v dáli.
Lidé se dívají na dětí v obchodě.
Muž s čepicí hraje na buben v ulici.
Chlapec stojí se třemi dívky.
Usmívající se muž, který má batoh, drží svůj ruce před klukem v brýlích.
Čtyři muži jsou venku a dívají se přes zelenou most.
Žena na ručníku před lidmi si užívá modré vody.
Dospělýý ovčák běží za běžícím ovčákem.
Několik lidí a vásavují skovky, které jsou zachyceni v chodě a posasi města ve městě.
Afroameričani protestuje proti nesažené svého původu.
Policista je na kole a čeká na světlo.
Skupina mužů sedí okolo stolu.
Zcká skupina mužů v parku, včetně starších mužů, kteří mají pití v parku.
Žena mluví s kamarádkou, zatímco jde venku ve slunečný den.
Mladý muž v šedé a černém triku a bílé čelence.
Dva lidé jedou na motorce po ulici s mnoha dalšími jezdců.
Dvě ženy ve vojenských uniformách stojí s jinými vojáky v útvaru.
Tři dívky se usmívají na fotku.
Žena v černém s květinovým brýlemi a žlutou svetrem se dívá nahoru, zatímco sedí na béžovém lavičce.
Zrzavý mladý muž pije z vodního fontány a žena.
Dva muži a žena jdou po městské ulici.
Muž středního věku s červenými vlasy a brýlemi drží nemluvně.
Mladý chlapec v červené kšiltovce jede na koni.
Dva chlapci si hrají na chodníku.
Malá dívka v černých plavkách drží lopatu na pláži.
Starý muž v klobouku a kabátě spí sedí na gauči.
Dva chlapci se dívají nahoru na oblohu a mává rukama a jsou oblečeni v oblečení, aby mohli v oblečení.
Mladý pár sedí na chodníku a relaxují spolu.
Mladík v triku a kravatě se krčí a ukazuje gesto vítězství.
Tři lidé sedí u stolu venku u stolu.
Kluk v černém triku a červené násaskách visí vzhůru nohama, zatímco ostatní lidé přihlížejí.
Muž jde před barevným zdí.
Mladý muž, který jde s jiným mladým mužem, které jsou seřazeni na třemi dívky, které jsou vidět.
Muž krájí palmový strom uvnitř veřejného kavárny.
Pět lidí jde nahoru po schodech, které je v růžovém triku a hnědé sukni.
Skupina lidí na venkovním trhu.
Dva chlapci jedí jídlo ve venkovním sedadle, obklopena dalšími lidmi.
Žena v džínové bundě jde po chodníku.
Muž jede na čtyřm voze a čtyř pasažéry jedou naproti a muž, který sedí na zemi.
Muž v modré košili čte noviny.
Chlapec v kočárku má na sobě zelené tričko a drží knihu.
Dvě děti sedí u boku a jedí.
Lidé jedou na kolech na ulici a jsou oblečeni v helmách.
Dav lidí na kolech.
Muž, který sedí na nástupišti s koly, které jsou tažený omovkou.
Muž na kole šlape skrz oblouk.
Barevně oblečený mladý muž s nelálými vádky sedí a kouří cigaretu.
Dva muži v oblecích pod deštníkem a před graffiti.
Starý muž s špinavým bílým trikem jede na kole na ulici.
Muž na koni se pokouší blokovat mladého býka.
Kovboj se pokouší chytit tele, zatímco jede na koni.
Dva cyklisté v helmách jedou kolem nějakých prázdnéch poli.
Muž se opírá přes něco a táhne něco mimo záběr.
Muž v motorovém vozíku jede kolem v parku v parku.
Osoba s tetováním se dívá na fotku na digitálním foťáku, nebo mobilním telefonu.
Muž v černém triku a džínách stojí na chodníku a dívá se na kameru.
Chlapec a dívka stojí spolu na chodníku, zatímco se dívají na předmět.
Několik lidí v modrých oblecích a jeden v sukni a černé blůze.
Žena a pes sedí na bílé lavičce poblíž pláže.
Dvě ženy jdou po hlíně před velkou budovou.
Skupina mužů a dítě v bílých tričkách stojí na silnici.
Žena v černém nese černou tašku na chodníku.
Skupina mužů sedí okolo stolu a povídají si.
Kráska na kraji budovy.
Asiat v rukavicích pracuje u stánku s jídlem.
Žena sedí u stolu a pracuje na počítači.
Člověk se dívá na počítač na stole s telefonem a krabici.
Muž sedí na židli a dívá se na lidi.
Dva lidé v kloboucích stojí na poli a dělí o šátu.
Několik skáče přes vysokou tyč v Evropě.
Muž oblečený v botách a kovbojském klobouku sedí na koni, který skáče, zatímco diváci sedí v stojí.
Dvě mladé dívky sedí na ulici a jedí kukuřici.
Tři děti ve fotbalových uniformách hrají fotbal na fotbalovém hřišti, druhý muž a dospělý stojí v pozadí.
Mladé dítě se špinavým obličeji je držena stará ženou.
Muž s brýlemi se dívá do foťáku, zatímco jiný muž v modré košili se dívá na něco.
Dva lidé sedí pod stromem s zelenou zeleninou.
Mladý chlapec v modré kšiltovce se dívá skrz dalekohled, zatímco jiný chlapec pozoruje.
3 muži vaří v malém kuchyni.
Mladá dívka v šedé kombinéze lyžuje na zasněžené hoře.
Skupina dětí se sešla v tančí.
Muž a žena myjí umění s lasem v rukavicích.
Mladá dívka sedí na dřevěné židli.
Dva pracovníci nesou tyč přes plot poblíž rušné ulice.
Dlouhovlasý mladý muž skateboarduje na zábradlí v oblačném dni.
Na venkovním trhu se dvěma muži lopatou sníh a vykalá z cesty.
Muž v bílém triku hraje na bílou kytaru.
Mladá dívka ukazuje své kamarádi, jak používat svůj foťák.
Malý chlapec skáče z mola do jezera.
Dáma se zeleným maskou na obličeji, které právě něco velmi zvířaty.
Muž v oranžové bundě a modré čepici leze po zasněžené hoře.
Malá dívka s blonďatými vlasy si hraje a cáká v blátě.
Dítě jede na kole po uličce s graffiti.
Gymnasta je na akci.
Lidé jdou po ulici s pouličním prodejem.
Muž oblečený v tradičním šatech, který stojí vedle ní, zatímco stojí vedle ní, které se zdá, že je možná dobry.
Dvě děti si hrají na kole.
Dva muži na opačných tým hrají fotbal na hřišti.
Muž skáče a pózuje na zemi a pózuje na zemi.
Dívka si dává nápoj z fontány.
Skládá na tomá vodu během svého vádku.
Muž v laboratorním kabátě se dívá skrz mikroskop.
Blondýna spí na hnědém gauči.
Muž zametá chodník venku před cihlovou budovou během dne.
Tři muži vaří v kuchyni.
Muž na lešení před domem se usmívá a pózuje na fotografa.
Dvě dívky v šortkách se drží za ruce v bazénu.
Čtyři asijské děti sedí na lavičce a vlně a usmívají se do fotoaparátu.
Děti jedou na kolech v něčem, co vypadá jako bezpečnovi.
Mladý chlapec v šéfkuchařském klobouku a zástěře krájí cihly v kuchyni.
Toto je klaun na ledové škol.
Usmívající se loď drží kolo na své dřevěné lodi.
Žlutý buldozer pracuje na žádce.
Žena v červeném triku jede na bílém koni, který je mačká stromy.
Žena sedí na velmi velkém kameni a usmívá se do fotoaparátu s stromy v pozadí.
Tři muži v jasně barevných kostýmech se baví na ulici s parukami a rozmisými slunečními brýlemi.
Dívka si hraje v malém bazénu.
Dvě děti, chlapec ve žlutém triku a dívka v modro-bílém pruhy, se houpe.
Muž hází rybářskou síť do moře.
Muž v šedé košili, modrých džínách a neonově zelené bezpečnostní vestě stojí na železniční dráze s bílou dodávkou a bílou budovou v pozadí.
Dva stavební dělníci leží na nějakých kovových pásů.
Kapela hraje na pódiu s členy.
Skejťák s otevřeným trikem zpívá do mikrofonu, zatímco hraje na bubny.
Muž, který si dává své věci z nákupního košíku, se připravuje na tom.
Muž s holí je na procházce.
Žena, která má na sobě bílé triko, pracuje na hádném stroji.
Dívka, která má na sobě masku, jede na ramenech na rušném chodníku.
Dvě dívky, jedna starší a druhý v černém a jedna mladší a v bílém, předvádějí míč před nějakými balónky.
Několik žen předvádí tanec před budovou.
Plešatý muž jde po chodníku ve městě a mluví do mobilu.
Žena si hraje s náhrdelníkem, zatímco malé dítě v kostýmu prochází kolem.
Skupina lidí sleduje mladých mužů, kteří hrají na bubny, který má na sobě skovné kyblíky na hudební nástroje.
Dívka s rovnousem a rozkalenými bezpečnostním vybavením jede na kolečkových bruslích.
Malý bílý auto je na vlakovém kole a posachá nebo z nich je za ním.
Dva horolezci zpívají a hrají si na tmavé pódiu.
Dívka v baseballové čepici, bílém triku a modrých šortkách stojí na skále a modrých šortkách.
Dva muži hrají na kytaru před velkým publikem.
Mnoho lidí tančí s svou nápisem zatímco ostatní jsou před tyrkysovým domem.
Žena a pes prodává zboží na staré budově stojí venku.
Žena a dva muži, kteří mají diskuzi.
Skupina mužů v červené a černých bundách čeká na motorkách.
Muž oblečený v bílém dresu s číslem 3i hrají fotbal.
Muž prodává svačiny na sportovní akci.
Dva muži z zeleného týmu se pokouší na míč v černém týmu pro míč v zápase.
Děti závodí, aby mohli fotbalový míč.
Člověk v modrém je na ulici a hází míček na bowlingové dráze.
Několik fotbalistů na hřišti v akci.
Mladý muž sedí na skateboardu a drží mobil a pózuje na eskalátoru.
Žena oblečená v modrém běží maraton.
Tato kapela se připravuje na vystoupení před publikem v kostele.
Hráč amerického týmu s číslem "8" se pokouší blokovat.
Dva mladí muži jsou na ledě a zametá cestu před oklným kamenem, malý dav sleduje.
Muži hrají fotbal na bahnitém hřišti.
Basketbalista v bílém dřepí, zatímco hráč v červeném je k němu.
Lidé jdou po oblouku ve starém prostředí.
Dva závodní auta, jeden červené a jedna modré, jedou po boku po dráze.
Fotbalista v bílém dresu drží fotbalový míč.
Velmi mladý chlapec se dívá před malým předmětem.
Žena a dítě jdou po ulici.
Hokejový zápas si hraje s mnoha lidmi, kteří se dívají.
Tři ženy skáčou na míč v trávě.
Afroameričan v modrých šortkách, černo-červeném triku a bílých botách hraje tenis.
Muž a žena v bílých tričkách se objímají.
Muž mluví k rodinu a drží nějaké druhy zařízení, zatímco se dívají a smějí se a smějí se.
Mladý mladý chlapec v zeleném triku leží na bílém posteli.
Osamělý cyklista se zastavil, aby si užívá slunce v pozadí.
Žena se dívá na zasněženém prostoru v teplém oblečení.
Čtyři dívky a žena, kteří se učí, aby se podívali na nějakém letu.
Muž v černo-bílém pruhy se pokouší o koně.
Polonahý muž fotí obrázek, která žena v modrém triku je na něj.
Žena s červenými vlasy běží podél klidného vody.
Dva mladí chlapci pózují s kufrem pro rodinu.
Čtyři děti trénují karate, zatímco dva dospělí sledují.
Muž odpočívá na červené gauči v nábytku.
Skupina lidí mluví u stolů.
Dva koně závodí, jeden v kostkované modré a červené a druhý v oranžové a hnědé, závodí na zahraném pozadí.
Červené auto je před dvěma auty v pozadí.
Velký býk se dívá na muže, který se natahuje, v rodeu s jeho rohy, zatímco jeho klaun běží.
Muž bez trika jde směrem k žluté kajaku.
Kluk na pistole a střílí.
Dva týmy hrají fotbal v písku.
Dítě v modrém a dítě v bílém stojí narátké betonové zdi u potoka.
Žena maluje květin na blávku.
Lidé jdou po rušné ulici v cizí zemi.
Nešná nadhazovače se hází s míčem.
Dva muži, jeden v černo-bílém a druhý v červeném, hrají plážový volejbal.
Muž stojí v lodi a drží nějaké sítě.
Surfař, který padá ze svého prkna v oceánu, zatímco se snaží sjet vlnu.
Plavec připravuje svačinu v labora.
Fotbalisté skáčou do vzduchu aby chytil míč s hlavou.
Dva chlapci hrají fotbal.
Starší člověk přechází ulici s deštníkem v ruce.
Skupina běžců běží směrem k dvěma třechou oblohy.
Skateboardista jede na betonové zdi, poblíž které se pokouší trik.
Lidé hrají hru v bazénu.
Muž se líbá na muže.
Muž, který transparenty výrku na mladém chlapcem.
Mladý muž v modré košili sjíždí zábradlí na skateboardu v městské oblasti.
Asijský muž sedí na trati s krátami.
Muž s barevnými vojenskými uniformě mává na své klobouk s pozadím lidí sedící zády a dívá se na vodu.
Dvě auta jedou na závodní dráze.
Muž v černo-bílém dresu drží žlutou nafukovací prut a připravuje se.
Dva lidé leží a líbá se na travnaté trávníku.
Velmi malé dítě v džínové kšiltovce jí zelené jablko.
Fotbalista běží, aby chytil míč.
Muž v černé bundě a kostkované čepici hraje na jevišti v černo-bílých pruhovaných kalhotách hraje na elektrickou kytaru na jevišti s zpěvákem a druhý v pozadí.
Muž skáče přes překážku od býka.
Žena v modrém triku a bílých šortkách hraje tenis.
Muž hraje na koncertě na koncertě.
Muž nese velký kus kovu na jeho rameni přes rameno.
Žena s foťákem hází frisbee pro jeho hnědého psa, aby chytil.
Na obrázku je muž a žena pozoruje kádku nebo jiní velký obří věci.
Dvě dívky si dávají ruce ve fontáně, zatímco lidé prochází kolem.
Mokrý, usmívající se dítě bez trika pózuje s roztaženýma rukama.
Dva muži, jeden v bílém a druhý v modrém, zápasí.
Žena v červených bikinách skáče do míče a hraje volejbal na pláži.
Oranžová černý čistí svou blonďatou dívku na nose.
Žena, která má na sobě žluté zástěře, si fotí z velkého hrnce.
Dvě děti přechází malé auto používá kamennou most.
Dvě africké ženy jedou na mopedu po ulici ve městě, které vypadá jako velmi městské oblasti.
Dva chlapci před klaunem strojem.
Skolný jezdec v černém jede po prašné cestě na horském kole.
Žena s tetováním fotí obraz svou pusem.
Žena ve světle černém oblečení a bílé helmě jede na kole s rozmazanými stromy v pozadí.
Tým cyklistů se připravuje, zatímco jsou poblíž diváků a fotí.
Čtyři fotbalisté v černém jsou sráží protihráče v bílém, zatímco je v bílém.
Běžec, který je posachuje na dvoře, zatímco jsou vidět dva kusy.
Basketbalista v bílém dresu s číslem 55 týmu brání hráč v černém dresu s číslem 6.
Muž mluví venku na telefonu.
Hráč amerického týmu během živého týmu sledují protihráče na pálkou.
Terénní cyklista dělá salto na podzim v lese.
Tři basketbalisti se přetahují o míč a druhý v červeném dresu se snaží chytit míč v bílém dresu.
Chlapec skáče do vzduchu, zatímco skáče do vzduchu.
Dvě děti v pruhovaném svetru a černých kalhotách jsou venku u sebe.
Muž ve slunečních brýlích jede na koloběžce.
Malý chlapec, který má baseballovou bundu, drží pálku za hlavou, který je před ním.
Šest mužů sedí na poli na poli s dřevěným bedkami.
Hnědý pes sbírá z kamenného povrchu.
Tento je muž ve žlutém drží za ruce hnědého koně.
Muž v bílé košili a zástěře krájí ptáka.
Hispánka používá venku venku aby vaří.
Maratonci závodí na městské ulici, další lidé stojí okolo.
Asiatka v letním klobouku jede na kole.
Nějací děti si hrají v hlíně, kde jsou dva stromy.
Postarší muž hraje videohru.
Dívka na břehu pláže s horou v dáli.
