Muž v oranžové čepici, který na něco zírá.
Pes běží po chádě zelené trávě před bílým plotem.
Dívka v karatistickém dresu si dává klacek před kopou.
Pět lidí v zimních bundách a helmách stojí ve sněhu, s sníh v pozadí.
Lidé opravují střechu domu.
Muž ve světle barevném oblečení fotí skupina mužů v tmavých oblecích a kloboucích stojí kolem ženy v zakolém šatech.
Skupina lidí stojí před obchodem.
Chlapec v červeném dresu se pokouší otátku z domácí talíř, zatímco chytač v modré uniformě se snaží chytit.
Muž pracuje na budově.
Muž v vestě sedí na židli a drží magazíny.
Matka a její mladý si užívají krásné den venku.
Muži hrají volejbal, jeden z nich má míč a drží za ruce v vzduchu.
Žena drží mísu jídla v kuchyni.
Muž sedí u stolu na stole v jeho domácí nástroje.
Tři lidé sedí v podzemním je.
Dívka v džínových šatech jde po kladině.
Blonďatá se drží za ruce a muž v písku.
Žena v šedém svetru a černé kšiltovce stojí ve frontě v obchodě.
Člověk v pruhovaném triku leze po skále.
Dva muži, který předstírá, že je žena, zatímco se dívají.
Lidé stojí před budovou.
Teenager hraje na trumpetu na hřišti na hru.
Žena dělá na pláži na pláži.
Muž stojí u skupina mužů v baru.
Žena používá vrtačku, zatímco jiný muž fotí.
Žena v růžovém svetru a zástěře čistí stůl s pítem.
Muž krájí větve stromů.
Skupina asijských chlapců čeká na maso, aby vaří na grilu.
Ženy v tradičním oblečení jsou dosavní dosavní život.
Jeden muž drží na hlavě jiného muže a připravuje se do vzduchu.
Šest lidí jede na horském kole skrz dýtu.
Dvě blonďaté dívky sedí na římse v zalidněném náměstí.
Dítě cáká ve vodě.
Tři lidé sedí u piknikového stolu venku před budovou, na který je žádáda.
Tři chlapci stojí na molu v plavkách.
Zaměstnanec drží tašku, zatímco si prohlíží rybu na trhu na ulici.
Krásná žena hraje na harfu.
Pohled budovou, v uniformě se dívá do fotoaparátu z plotu.
Mladá dáma se dívá na pizzu.
Muž bez trička v šortkách rybaří a stojí na nějakých kamenech.
Dívka v záchranné vestě se vznáší ve vodě.
Muž v uniformě a muž v modré košili stojí před dodávkou.
Lidé sedí uvnitř vlaku.
Dítě se houpe s nohama ve vzduchu v lese.
Muž v červeném triku vstupuje do podniku.
Dva muži v plavkách skáče do vzduchu na žádé pláži.
Batole vaří s jiného člověka.
Otec a dvě děti venku před domácím domem, který pracuje na trávě a sátá strom.
Muž vaří jídlo na sporáku.
Muž v džínách na pláži si hraje s červeným míčkem.
Lidé chodí po chodníku vedle řady obchodu.
Řidič na wakeboardu předvádí salto, zatímco je žál ve vysokém chád.
Velká skupina lidí vyplňuje ulici.
Muž na chádní řadě se dívá do vody.
Žena v džínách jde kolem autobusu s omátou ženou, která se dívá přes své sluneční sluneční brýle.
Muž v růžovém triku sedí v trávě a míč je ve vzduchu.
Auto zaparkovaný na pláži.
Dva muži v černém ve městě.
Muž ve žlutých kalhotách zvedá ruce.
Dva muži v kloboucích a používá klacky jdou blízko vodní plochy.
Tým roztleskávaček dělá sestavu na židlích.
Kluk hraje dámu s dospělým zobrazena, zatímco dívka se dívá.
Dav lidí z nějakého ve veřejném parku.
Muž sedí na lavičce a drží svého psa a dívá se na vodu.
Chlapec a jeho mladší bratr si hrají na hřišti.
Žena v modrém se dívá v černé kožené taškou, zatímco sedí na lavičce během slunečného dne, zatímco lidé a jsou za ní jsou za ní.
Hnědý pes stojí na písečné pláži.
Žena sedí s košíkem látky, obklopená látku.
Muž griluje na svém zahradě.
Žena zpívá v klubu s kytarou za ní.
Hráč, který předvádí na nočním červené kytaru.
Dítě sedí na trávníku a dívá se do fotoaparátu.
Dvě dámy a tři muži se dívají na oceán.
Pouliční umělec s housle hraje na ulici, zatímco žena s modrou kytaru se dívá na.
Mladá dívka plave v bazénu.
Několik dětí se připravuje na hrát, aby se dostali na hrát.
Tři teenageři v metru hrají.
Hnědý pes jde v trávě s vyplazeným jazykem.
Lidé sedící na trávě před budovou, si dávají pauzu.
Muž bez trička se dívá do dáli, zatímco tři ženy jdou kolem davu sedí venku před kavárnou.
Dva mladí chlapci dávají ovoce na kole.
Muž v černém triku, čepici a džínách hraje na bubny na sklávné žlutého sádky.
Mladá žena maluje obrázek ženy na zdi.
Dvě ženy kapely vystupují ve skoku a je obklopen dvěma dalšími členy.
Muž míchá těsto z kapalinu vtoto kuchyni.
Chlapec na wakeboardu na wakeboardu.
Muž pracuje na hotdogy.
Velká skupina lidí různého věku sedí venku.
Blonďatá žena v baru u baru.
Malé dítě, které má na sobě modro----------- košili, drží žlutou plastovou skovku.
Žena s růžovými vlasy v černém mluví k muže.
Muž v Japonsku vaří jídlo na dva lidi.
Dívka na kole přes řeku z kamene.
Dělník se svým nástrojem klečí vedle dvou žen.
Starší muž otevírá svůj ruce a dívá se na chádku.
Dítě v bílém karate procvičuje trik.
Tři muži ve stejnéch vestách jsou venku.
Žena fotí miminko, který má růžové čepici, zatímco muž nese ní.
Skupina asijských dětí sedících na skovů v modrých židlích.
Mladý chlapec ve fotbalovém dresu pláče do svého palmy.
Šťastná žena připravuje venku v kavárně v kavárně.
Dělník řídí těžkém vybavení na práci.
Žena běží po odpalu v jedna.
Muž v pracovním dresu jde za nástrojem na jiného člověka.
Skupina lidí leze na chladné počasí.
Horka se chystá statou dolů horu s modrou helmou.
Muž dělá stojku na vrcholu kulatého sochy.
Dítě sedí v restauraci u restaurace a drží papír na tváři.
Hnědý pes se brodí jezera, aby zalál klacek.
Matka učí své dvě mladé chlapci k rybu z kamenného pobřeží velmi modré vodě.
Malé dítě jde vedle červených plakáty.
Dívka sedí na zdobím kole s mladším klukem, zatímco další dívka fotí.
Černý pes se zaklá míč ve vodě.
Muž v bílých kalhotách a modré košili kope do žlutého krabici.
Dva Indi účastní obřadu.
Chlapec s římovky a píše na ruce stojí v video obchodu s potravinami.
Dva lidé v kánoi na oceánu během západu slunce.
Lidé stojí v zalidněné metru a nástupišti venku je vidět z okna.
Muž na zdi s ohněm v ruce.
Dva hnědý psi běží sněhem.
Kapela fotí malý kapely.
Miminko ve vánočním oblečení se dívá do fotoaparátu.
Muž sedí vedle počítače.
Tato dáma má na toho vádku a směje se.
Lidé uvnitř budovy, jeden fotí.
Čtyři bílý psi s náhubkem skáče přes červenou zdi.
Žena v modrém triku drží miminko.
Dva lidé sedí na pruhovaných plážových židlích ve vodě.
Stará žena pracuje na tkalcovském stroji.
Chlapec stojí v popředí a dívá se z dalšími lidí na kurtu.
Muž v modré bundě si bere rameno mladého chlapce.
Tři hnědý psi skáčou na ženu v modrém.
Chlapec visí z ochádního obchodu.
Muž v šedém triku skáče přes vrchol písečné duny v poušti.
Dítě ve žlutém triku skáče nahoru a dolů.
Dělník ve žluté bundě je vysoko vysoko aby na budovu.
Muž v chukoládě ukazuje výdisku a mluví s mladým dospělých.
Několik mužů táhne na baru s vánočním světly na stropu.
Muž je na útesu přes útes.
Muž v černém jde svou autem ve sněhu.
xikoska skáče po míči.
Policista v kšiltovce a v uniformě dresu se usmívá, zatímco má sluneční brýle před obchodem.
Rodina se prochází v parku v parku.
Muž v zelené přilbě a žluté bezpečnostní vestě se mračí.
Dítě s růžovými provázky na hlavě tančí obklopená zmisky a balónky.
Pes s omousem na něco na břehu řeky.
Muž připravuje své místním stojí pro den.
Muž v červeném triku se chystá jítutku.
Mladá žena v bílém drží tenisovou raketu.
Chlapec v červeném triku kope do písku se žlutou lopatou.
Jedinec v kožené bundě je na dřevěné lavičce.
Muž v bílé košili se dívá z okna kovového konstrukci.
Žena drží malou bílou sochu.
Šest mužů bezch dětí si hrají ve vodě a cáká si.
Dva lidé jedou na kolech skrz hory.
Dívka skáče přes švihadlo na chodníku poblíž parkoviště.
Muž v oranžovém triku a helmě.
Malý chlapec si hraje s plastovými kostkami, auty a zvířaty se dívá.
Malá dívka otevírá vánoční dárky.
Žena v modrém řídí fotoaparát před dvěma dalšími ženou.
Malá dívka se pokouší otát na omítku pohovce.
Hnědo-bílý pes běží po stezce v lese.
Dva psi si hrají u stromu.
Žena v černém kabátě a kalhotách na schodech zatímco fotoaparát se soustředí na psa.
Dva muži v zeleném připravují jídlo v restauraci.
Muž oblečený v černé kožené bundě a kovbojském klobouku jde kolem sasasa.
Pes běží venku se žlutým hračkou.
Pes ve sněhu běží ve sněhu.
Rodina si hraje na pláži s psem.
Žena a dítě se objímají, zatímco dítě se dívá na něčem.
Dva muži a žena stojí venku.
Skupina mužů používá klády, aby tlačí loď z vody.
Muž pije z vína a čte noviny.
Muž v černém a hraje na piano.
Mladý chlapec v modrém dresu a žlutých šortkách hraje fotbal.
Muž stojí na kamenné stavbě s rukama, který je ptáka.
Pes pije vodu venku na trávě.
Dvě ženy v tílku se dívají na fotoaparát.
Muž sedí na holičství a se připravuje na holí.
Malé dítě v zelených botách si hraje v bahně.
Muž používá motorovou pilu, aby rozpálál.
Muž sedí u piknikového stolu s tácem a částečně za ním před ním.
Chlapec v černém triku a modrých džínách drží červený baseballovou pálkou.
Tmavovlasý muž v brýlích a triku sedí na trávě.
Psi běží na závodní dráze.
Tězlý muž s kmenem tetováním na zádech přes balkónu.
Dva muži se na sebe po sebe.
Toto je skupina lidí stojících na nějaké akci.
Hnědo-bílý pes na hračku.
Muž s bílými vlasy hraje na akordeon uprostřed nějakých budov.
Žena s hnědými vlasy sedí na lavičce před kavárnou.
Muž vedle kola hraje na flétnu.
Dvě děti balancuje na kládě a drží provaz.
Muž jede na motorce předvádí trik na dráze.
Mladá žena s fialovým látku se schovává o obličej na dřevěné verandě.
Žena v hnědém triku sedí na jasně červené lavičce.
Pes jde po kládě přes malé řeky.
Mladý muž v bílém triku a zeleno- černých šortkách stojí na pařez.
Skupina lidí je pokrytá deštníky.
Muž se skláluje s obrovským cedulí želou na svém kole.
Muž hází klád do vody, zatímco dva psi sledují.
Skupina starších mužů hraje na nástroje pod stanem u vody.
Pohled shora na zalidněné městské ulici.
Mladá blonďatá žena drží bílou provaz na slunečném dni.
Dva lidé v modrých tričkách jsou venku s býkem.
Černý pes plave do bazénu.
Kovboj jede na zádech na koni v soutěži.
Posádka předvádí údržbu na železniční trati.
Dělník v oranžové vestě používá lopatu.
Dva dělníci mají diskuzi, zatímco jsou na práci.
Tři muži jdou po kopec.
Asijská žena v květovaných svatebních šatech pózuje na mostě blízko svého drádky.
Mladý muž svou kytaru v kuchyni.
Tři chlapci si hrají s písem a kyblíkem vody.
Tři stavební dělníci jsou na chodníku.
Lidé se vídi v lese vedle kánoí.
Sbor se sešla v kostele.
Skupina mladých dospívajících skáče v noci v noci.
Dva muži na kajaku, jeden oranžovou, dolů po potoka.
Dva pracovníci s cementou cementou na cihlovou budovou.
Žena v červeném svetru a džínách sedí s rukama na levé ruce.
Dva muži si dávají skovku pro publikum, který se dívá na chádku.
Akovi odpočívá a čeká na letišti.
Muž ve žluté bundě peče oheň, zatímco chlapec v parku se dívá.
Muž a chlapec na kamenné pláži.
Žena na lodi, která je napsáno "Nosas" a má na vodu černého seda.
Chlapec sedí a dívá se z mikroskopu.
Mladá bosá dívka v růžových šatech skáče venku.
Mnoho lidí sedí okolo stanu venku.
Mladík v černém triku s nápisem "AOS" hraje na bubny, zatímco sedí.
Muž prodává věci poblíž silnice na skláté hory.
Dívka ve žlutém se směje na holčička v oranžovém, zatímco se dívají na dívka v modrém.
Pes skáče přes překážku venku.
Pes s černým obojkem se kutálí v hlíně a sklá listí.
Dva hnědý psi si hrají v divokém muži.
Muž s knírem a vousy drží v ruce, který se za ním drží.
Muž, který má na sobě žovního oblečení a je zapláluje.
Muž v černém triku rybaří na kamenném břehu.
Dva psi jsou na sebe v nose.
Dva muži se zastavili na chodníku, zatímco projíždí kolem.
Pivý muž sedí a čeká na zákazníky.
Muž s školním autobuse za nimi.
Dvě ženy v podobně tričkách jdou po levé.
Mladé dítě v oranžové záchranné vestě drží ve vodě.
Lidé chodí po stezce v strom v parku.
Tři mladí dospělí si povídají v davu lidí, žena se dívá.
Žena a dítě venku před dveřmi z svého domácího domu.
Černý muž a jeho dvě bílý kamarádky dávají svou hlavami blízko sebe.
Dívka v maskáčových kalhotách sedí na vrcholu asu.
Hnědý hnědý pes běží.
Chlapec pózuje s velkou zelenou v nose.
Plešatý muž, který se nechává oklát, jak vysokýho hnědého psa.
Dav lidí na rušné ulici.
Chrt s náhubkem, který má na sobě žluté a černé běží po dráze.
Muž v sandálech sedí na chodníku poblíž nějakých tašek.
Muž a žena sedí na metě a povídají si.
Dítě se dívá na kafe v obchodě.
Muž pije z žlutého kelímku okolo lidí na rušné akci.
Chlapec se opírá o auto s květinami na kapotě.
Žena v květovaných šatech mluví s dětmi před dodávkou.
Muž na své svatební den.
Mladá žena v černém triku a džínách zametá.
Žena s čepicí leze na útesu poblíž velkého vodní plochy.
Velký černý pudl běží trávou s hračkou v tlamě.
Chlapec v šortkách dělá trik na skateboardu.
Malý chlapec v červených kalhotách stojí na ulici.
Žena píše na telefonu, zatímco je obklopen deštníky.
Osm mužů hraje na hudební nástroje na pódiu, s kytaristou ve vzduchu.
Muž v oranžové kombinéze a stejné přilbě pomáhá s modrou hadicí.
Muž a dvě dívky ukazují rybu, zatímco drží rybářský prut před vodou.
Muž v červeném triku se dívá na psa na dráze.
Chlapec v červeno- bílých plavkách se potápě na krásném bazénu.
Asijská žena na zádech vlasy.
Starší žena a mladý dítě v růžovém triku si hraje s barevnými kostkami.
Malý černý pes skáče přes brankou.
Hnědovlasý muž v zeleném triku hraje venku na trumpetu.
Muž mluví do telefonu s nohama.
Skupina dětí sedí na modré podložce, zatímco jí z mísy.
Černý chlapec sedí v písku.
Malý pes se dívá na dva velké psy, který si hrají na poli.
Lidé sedící v kruhu před velkou budovou.
Jeden pes skáče, aby chytil softball, zatímco druhý se dívá.
Blonďatá dítě se houpe na houpačce.
Jeden muž a dvě ženy mají diskuzi přes bílou vína.
Asijský muž vaří jídlo venku.
Hnědý pes se chystá chytit zelenou frisbee.
Kapela fandí kapely hraje píseň.
Mladý chlapec stojí vedle písečné sochy v pyramidu.
Tři malé děti jdou po travnaté zahradě.
Muž se dívá na umělecku na vozíku.
Muž na kole jede na hoře.
Chlapec v modro- žlutých botách běží po hlíně.
Žena v oranžové bundě sedí na lavičce.
Muž dělá trik na skateboardu.
Muž v bojových umění ve vzduchu.
Žena prodává ovoce na chodníku.
Dva fotbalové týmy jsou na hřišti.
Dítě v modrém triku skáče z lavičky.
Brankář na žlutém hřišti má gól.
Skupina mladých lidí se fotí v mexice prostředí.
Mladý muž jede na skateboardu z růžové zábradlí.
Mladý chlapec skáče z posteli na malém posteli.
Dva lidé ve zvláštních kostýmech, jedna modré a jedna fialové, stojí na silnici.
Muž běží v modré košili s číslem žepě.
Asijský dělník pózuje na kameru.
Muž, který vypadá, že běží maraton a ukazuje dva palec nahoru.
Basketbalista střílí na gól během hry.
Fotbalista v oranžové uniformě se usmívá a drží míč.
Dvě kopce na skateboardu se ochádky na setu, zatímco ostatní pozorují.
Tým v bílém a zlaté na postranní fotbalovém hřišti.
Malá dívka tlačí své koloběžce přes travnaté strom v poli.
Skupina asijských dětí oblečených v bílých tričkách a kloboucích vystupují s davem a dívá se na.
Chodci jdou po ulici a dívá se na dítě v kartonové krabici.
Hnědý pes běží po písečné pláži.
Dva muži v vojenských uniformách stojí vedle ženy.
Údikládi na husu, kde se účastní stodi, kde jsou zprasisy a řísy.
Cyklista skáče přes překážku.
Pár sedící v bílých zahradních židlích se usmívá do fotoaparátu.
Mladé děti jsou na malém vlaku.
Surfař v modrých plavkách jede na vlnách.
Chlapec skáče do svého fotbalového bratra.
Dva mladí muži na opačných fotbalové týmy zápasí na fotbalovém hřišti.
Lidé chodí na dlážděném svahu obklopeném čínskými prodejky.
Mladý chlapec v bílých kalhotách skáče z gauče.
Chlapec v oranžovém triku je na kole z tašku.
Žena v hnědé sandálech a modrých džínách drží miminko pod vysokou stromem.
Tři lidé se smějí a drží zakovní cedule.
Policista stojí vedle auta na městské ulici.
Dva muži v kloboucích.
Chlapec ve vzduchu se pokouší do fotbalového míče.
Mladý chlapec s modrou čepicí má hlavu dolů.
Dlouhovlasý muž s dredy sedí a hraje na akustickou kytaru.
Muž jí sendvič s svým dcerou na klíně.
Afroamerické dítě drží něco na fotce.
Žena, která řídí dav lidí s popravou.
Skupina lidí se dívají, zatímco muž v obleku dělá proslov a muž v obleku drží mísu ovoce.
Dav prezentuje na baru.
Dívka v bílém a dívka v zeleném prochází kolem modrého auta.
Muž používá elektrické vybavení.
Člověk surfuje na vlně v oceánu.
Paslátka si prohlíží něco.
Nevěsta a ženich se líbají pod nevěsty.
Tři policisté stojí v pozadí, zatímco mladý muž s červenou šálou si zakrývá obličej.
Černo-bílý pes skáče přes strkovu v soutěži.
Žena ve svetru čte knihu v domácím domě.
Několik dospívajících se dívá přes zábradlí v tmavé místnosti.
Muž v bílém triku se připravuje na skálu.
Dospívající chlapec se protahuje v kuchyni a je zaklátá z jeho břicho.
Lidé drží různé druhy na bubny a drží různé druhy na bubny.
Tři farmáři se sklátky na rýžovém poli.
Dvě ženy a muž se dívají na knihu.
Tři děti se zobrazeni na nohy, zatímco stojí poblíž neskovního skovky.
Kuchař pózuje na kameru, zatímco vaří.
Mnoho lidí na ulici protestuje pomocí rostliny.
Mladý chlapec skáče z kopce se svým kolem.
Malá dívka běží na břehu pláže.
Bílý kachna má na vodě křídky ve vodě.
Dva muži vypadají, aby si povídají, zatímco stojí před nákladním předmětem, zatímco čtyři lidé stojí okolo nich.
Žena v růžové sukni drží miminko.
Hokejový hráč ve žlutém dresu brání gól.
Muž jde kolem velkého nápisu, na kterém je napsáno "Cosas."
Tři chlapci v zelených tričkách a béžových kalhotách pózují na vrcholu skluzavky.
Muž tančí s psem mezi nohama.
Černý pes běží v mělké vodě.
Pisisici jsou posisici s kapelou.
Skupina dětí si spolu hrají na oplocené zahradě, zatímco ho dospělý sleduje.
Skupina žen hraje na hudební nástroje.
Malá dívka ve fialové kostkované šatech leží na podlaze a pláče.
Muž s šedými vlasy si holí vousy.
Dva černí psi, černý štěně a bílý pes ve sněhu.
Muž v basketbalovém dresu s basketbalovým dresu skáče, aby udělal záběr.
Žena sedí venku před domem s modrým dveřmi, si užívají do vzduchu.
Děti sedí na muže v banánu.
Šedý pes skáče přes vodu v písku.
Dav se shromáždila okolo parku v dešti.
Několik starších mužů, někteří v tradičním čelenku, na rohu ulice.
Mladý žeslátka se dívá ve sněhu a dívá se na psa.
Fotbalista, který má na sobě zlaté dres, blokem míč od protihráče.
Žena v černém triku plete s fialovým přímem.
Čtyři ženy asijského původu má na sobě zlatý šaty, zatímco vystupují s míčem.
Člověk hraje na unikátně nástroj.
Dívka v černém sportovním oblečení s číslem 60 na červeném dresu běží přes trávu.
Dítě přechází s číslem "OS."
Starší pán a mladá dívka se na sebe na sebe.
Přímládního lidí, který natáčí mladé afrického chlapce ve žlutém triku.
Žena s cyklistem s cyklistem s cyklistem a nějakými auty.
Muž jede na kopou býka v býkovi.
Chlapec skáče, aby trefil tenisový míček s raketou.
Děti na zeď, zatímco dva ostatní lidé pozorují.
Lidé chodí po nemovního tábora s palmami v pozadí.
Malá dívka kope do karate.
Dva muži se snaží vytazit z vody na chodníku, který je z pneumatiky z pneumatiky.
Dva muži tančí, zatímco se dav sleduje.
Pazně oblečená žena stojí na pódiu a něco si něco otátní z chádky.
Žena leží na pohovce a směje se.
Akoládá podlahu, který je v bílém a jedna černé žena.
Muž skáče přes plot.
Tři psi si spolu hrají na poli.
Dvě malé děti jsou na písku.
Usmívající se mladý chlapec si hraje v listí mezi kachny.
Tito čtyři lidé stojí venku a tři psi.
Zatímco jsou nachádikoládi, zatímco se z nich ukazuje na směru v chusů.
Dívka, které má na sobě žavé tričko, má otevřenou puse.
Tesa skupina lidí naplňuje vodu v poušti.
Muž stojí na městské ulici.
Skupina ptáků letí s jídlem v pozadí.
Dva muži jedou po farmě, zatímco se prochází jejich přívěsy.
Dva lidé stojí na vrcholu hory.
Mladá dívka si užívá sněhovou anděl.
Tři muži se usmívají na kameru a ukazuje z svého kamery.
Člověk píše na tabuli v prázdné třídě.
Muž v černém triku sedí u stolu s otevřenou notebookem před ním.
Čtyři lidé odpočívají na travnatém kopci s výhledem na kamenném údolí.
Chlapec s skateboardem skáče do vzduchu po nějaké cestě.
Muž v oranžovém triku hraje tenis.
Pes s červeným obojkem se drží zuby na psa s modrým obojkem.
Chlapec venku si užívá letní den.
Dělník v oranžové pracovním obleku klečí a kontroluje kus stroj.
Muži v kovbojských kloboucích stojí na rodeu.
Jsou tam dva psi ve sněhu a jeden má něco v tlamě.
Zaměstnanec si dává pauzu od pití.
Bílý pes běží za bílým psem drží žlutou hračku.
Hokejista v bílém dresu s klackem.
Muž v bílém triku se zlatými dívají si hraje s kulatém prknem.
Černý kůň strká hlavu skrz plot a snaží se chytit trávu.
Akovka, který předstírá, aby se udržet, aby se žikně, že kouří.
Dva muži a dívka se smějí.
Dítě se opírá o výstavu z modro- žluté plastové, zatímco se dospělý dívá.
Černý a černý pes se dívá na vykolátku ve sněhu.
Mladá dívka stojí vedle žlutého kočku na kuchyňském pultu.
Dvě děti si hrají na hřišti.
Tenistka v zeleném pruhovaném triku drží ruku do pusy.
Chlapec v červeném obleku si hraje ve vodě.
Dítě v červené bundě a čepici drží velký kus sněhu.
Dva policisté v oranžových bundách stojí před bílým stanem s diváky.
Dva lidé stojí vedle stromu na zemi.
Dva muži sedí u kamenné budovy.
Bruneta s brýlemi drží blonďaté dítě v červeném svetru a žlutých botách.
Černo-bílý pes si hraje s bílým míčkem.
Dva lidé se líbají na chodníku před obchodem, zatímco lidé prochází kolem.
Žena hraje volejbal.
Dva velký psi bojují na hliněném poli.
Hnědý pes skáče přes překážku.
Muž v pruhovaném triku kouří cigaretu na ulici.
Malá dívka drží malé chlapce na klíně.
Muž se snaží na velmi stolá býka na krásném býkovi.
Děti se perou, aby se vyhrálát, aby se žilát.
Cyklista se naklání na horském kole kolem se sklání na hliněné dráze.
Dva lidé a vodavní krávy v domě.
Mladý chlapec se učí, jak jede na kole se svým otcem.
Chlapec v červeném triku a černých šortkách zametá po chodníku.
Aostarší rodina stojí před nějakými řízky.
Muž hraje na nástroj vedle stromu.
Dvě ženy drží za ruce u stolu a usmívají se do fotoaparátu.
Muž s hnědým psem jde po trávě.
Baseballový hráč v černém triku právě skolá k hráču v bílém triku.
Žena drží velký kontroluje na fotku.
Dva psi, jeden s tenisovým míčkem v tlamě, běží vysokou trávou.
Dva dospělí a dvě děti sedí na lavičce v parku.
Žena v travnatém poli vyfukuje na dádku.
Muž prodává kolem skupina lidí.
Skupina lidí na ulici se shromáždili na akordeon.
Muž sedí na lavičce a dívá se na svůj ruce.
Starý muž v tradičním triku s těžkém oblečení čte noviny.
Starší muž v brýlích připravuje maso.
Muž předvádí trik na kole stojí na kole, stojí na kole, zatímco je na kole je na kole.
Muž je na pláži na písečné sochy.
Několik lidí v parku jedí u piknikového stolu.
Dvě ženy jsou u stromu na nějakém staveništi.
Kovboj v rodeu se pokouší chytit 8, aby se žisi.
Pes skáče skrz překážkovou překážku.
Postarší žena s dlouhými černými vlasy v růžovém triku s jmenovkou nanáší.
Muž opravuje malé holčička na kole.
Dvě dívky ve skovní sukních tancují před nějakými hudebními hudebními na ulici.
žlutý pes nese klacek u vody.
Dívka ve svetru bloke za slunečného dne.
Fotografa je na chodníku.
Tři ženy v jasně oblečení a s čelenkuy drží skovky a drží skovky.
Hnědý pes kope do hlíně.
Mladý chlapec v bílé pruhované košili a čelence drží tenisovou raketu.
Dva psi běží od kamery v lese.
Dívka si hraje ve fontáně plného látky.
Tři mladí lidé stojí a poslouchá, a poslouchá.
Dva muži jdou po kládě u cesty v zalesněné cestě.
Tři hráči se snaží tým protihráče na zemi.
Dva chlapci přechází městskou ulicí, zatímco kope do červeného fotbalového míče.
Muž drží jiného se svým zádech.
Bílý pes na hoře se otáčí, aby si na něco z žádku, v pozadí je v pozadí.
Chlapec jede na skateboardu na skateboardu.
Dlouhovlasý muž si hraje na piano.
Tři atleti drží kytici stojí na pódiu.
Dva muži v červených šatech.
Mladý chlapec visí na oblečení na oblečení.
Malá dívka v růžovém se drží baru.
Muž v zeleném skáče s několika motorem na svému motorce.
Žena si hraje s dvěma mladými chlapci v parku.
Čtyři lidé hrají fotbal na pláži.
Dvě dospívající dívky se objímají, jeden v cyklistickém helmě, s cyklisté v pozadí.
Dva středně středně psi běží přes sníh.
Žena stojí v zeleném poli a drží bílého psa a ukazuje na hnědém psa.
Venkova plná obrázky v rámu, na venkovním trhu.
Dva lidé sedí u stolu venku u zdi a dělají obličeje.
Dva muži s piercingy skovky se smějí.
Dítě leží na béžovém koberci a směje se.
Muž a žena jsou zakolá rukama a jsou oblečeni.
Dvě ženy v dětském bazénu zápasí.
Muž v bílém triku jde s pitím v ruce.
Dva lidé jsou na jezero v jezeře se zakalátou na skalní oblohu.
Několik lidí sedí u stolu ve formálním oblečení.
Dvě dívky, jedna v modrém a jedna v růžovém, závodí na kolečkových bruslích.
Čtyři lidé sedí na hromadě kamení.
Skupina lidí ve triky na motorce.
Cyklista v závodním vybavení jede lesem.
Muž v zeleném triku jde po pláži a nese své tenis.
Několik mužů stojí okolo automobilů.
Dva muži pracují pod kapotou bílého auta.
Děti skáčou z vody do bazénu.
Muž na okraji zdi se chystá ztadl.
Žena v pruhovaném oblečení na kole.
Dívka v černém pózuje na kameru.
Muž v šortkách stojí u vody.
Čtyři muži sedí na schodech v kostele.
Muž obsluhuje mezi hromady suti.
Gymnastka v červeno- bílém je na chádku na chádé baru.
Starší dáma v zeleném svetru sbírá zeleninu.
Dva muži vyrábí předměty v dílně s nástroji.
Učitel v bílém a malá dívka ve žlutých šatech si hraje s budovou.
Mladé dítě spí v posteli s otevřenou knihy na hrudi.
Žena jí v trávě na krásném dni.
Muž jde po dlážděné ulici vedle budov s červenými želou v červených východě.
Žena v klobouku se venku s chlebem.
Obátá žena používá velkou skolátku a kátavky a kátavky, zatímco stojí v chátém poli, zatímco stojí v chátém poli.
Muž v karate vystupuje před dvěma.
Muž ve formálním oděvu hraje na chodníku na chodníku ve městě.
Postarší muž sedí na židli a jí nějaké svačiny.
Žena v bílém triku pracuje za pultem v kavárně.
Muž v pracovním oblečení stojí na zadní nákladního auta.
Dvě děti se dívají na koních skrz malý plot.
Žena s nějakém druhy na obličeji.
Žena, která má na sobě světle růžové sálá, dělá obličej, zatímco žena ve fialové nadklálku, zatímco stojí před obchodem s římy.
Kovboj zabalená do ruce s kapelou.
Muž ve žlutém triku a muž v tmavě modré košili mluví.
Tři asijské děti sedí na gauči s řížky se snaží v pozadí.
Dívka v červeném triku skáče aby chytil tenisový míček.
Muž pózuje na kameru se zeleným jeřábem.
Muž svírá láhev s další člověkem, zatímco se usmívá v restauraci.
Muž nakládá krabici s mnoha hodně peky.
Muž v černé bundě hraje na kytaru ve veřejném prostranství.
Skupina tančí v průvodu v průvodu.
Muž stojí na kamenném útesu s výhledem na vodu.
Policisté sledují ženy z autobusu.
Dva muži středního věku se dívají přes parkoviště v noci.
Dva muži v modrých tričkách se dívají na fotbal.
Skupina mužů v modrých uniformách stojí spolu.
Mladá dáma dělá jógu na pláži.
Velký dav lidí stojí v parku a několik lidí hrají na nástroje.
Muž s balónem z balónků skáče z balónků.
Muž griluje maso na venkovním grilu.
Dva muži prodává ovoce na trhu.
Bruneta v bílých bikinách nalévá pití do mikrofonu.
Chlapec ve slunečních brýlích běží za pouti.
Žena s rukou drží něco, co vypadá přes sklátku na kládě.
Muž v kostkované košili ukazuje z černého rukavicích.
Dva muži v bílých plastovéch židlích sedí ve dveřích.
Mladá dívka v červených šatech má na sobě černé kovbojské klobouk.
Muž v červeno-bílý fotbalovém dresu stojí na hřišti a skáče na poli se žlutým a modrým míčem.
Lidé skáčou přes hory na provazu.
Lidé se dívají na říchů v maratonu.
Lidé na laptopy před velkou oknem.
Muž na rušném koni na práci, zatímco se za ním za ním.
Muž v rukavicích nese kukuřici přes pole.
Fotograf fotí zrcadlem z kavárny.
Žena, která drží balónky na chádní akci.
Žena sedí v kleci v oblasti s kosem a dvěma misy.
Žena sedí u cihlové zdi uvnitř budovy.
Tři mladé ženy sedí na červených skládacích židlích.
Žena v modrém triku jde ve vesnici.
Šest dětí sedí na schodu a skřížky.
Béžový pes si hraje s klackem na břehu.
Dva psi si hrají na třetím psa, který má vyplazeným jazykem.
Dítě na motorce se usmívá.
6 lidé jsou shromážděni okolo velkého večeři.
Santa Clause je focen na prázdném akci.
Vojáci jsou v dešti po ulici v New Yorku.
Žena v modré helmě a červených kalhotách jede na motorce.
Několik mužů má na sobě bojových umění, zatímco předvádí nějakých kádky v chádi.
Mladá žena a muž oblečená v chádské kostýmech s tyčemi s skupina lidí v pozadí.
Muž v uniformě jde po ulici s dvěma auty a stromem.
Mladá žena leze po skále.
Starší muž ve světle modré bundě pracuje na autě na kraji silnice.
Lidé se dívají přes několik barevné kus papíru na stole.
Muž zpívá a hraje na kytaru do mikrofonu.
Dva muži sedí v restauraci.
Dvě ženy v šortkách běží po pláži podél vody.
Stavební dělníci mají diskuzi u kolejích.
Pohled z ulice v černé zástěře, který je muž v černé zástěře a bílé kšiltovce stojí uprostřed obrazy.
Skupina lidí si hraje na předmět.
Malá dívka v modrém oblečení leze na kovových zábradlí na ulici.
Skupina mužů sedí a mluví za nějakými zeleným ovoce.
Muž ve žlutém oblečení stojí za mikrofonem pod stanem.
Hnědý pes s fialovým frisbee v tlamě.
Vypadá to muže, který procvičuje svého umění, zatímco se zahálá vodu.
Žena s nápoje a žena s telefonem.
Dítě v červené bundě mává ruku ve vzduchu, zatímco leží ve sněhu vedle červeného plastového sněhu.
Žena sedí vedle svého kabelku a dívá se na psy v parku.
Tři muži stojí na pódiu, jeden má klauna a drží kytaru.
Žena v kmenovém vesnici.
Žena v červených šatech tančí s muž v obleku.
Dva malý psi s tenisovým míčkem s tenisovým míčkem.
Muž s hustými vousy a baseballovou čepicí sedí na lavičce v parku.
Afroameričan stojí na zahradě s lesem v pozadí.
Mladá dívka se snaží chytit kozu.
Asiaté sedí v restauraci s žlutými židlemi.
Malá dívka jí sušenku, zatímco sedí na židli a má bryndák.
Šedovlasý muž v černých rukavicích se pohybuje trávu.
Žena čte knihu, zatímco sedí v řadě z červených židlí.
Dítě, které jsou oblečená, zatímco jede na ramenech.
Rodina jde po chodníku ve sněhu, zatímco muž sedí na straně svou papírem.
kočka sedí na vrchu obchodu s nápisem.
Muž v růžové košili a černé bundě se sluchátky na.
Mladý muž se chystá hodit míč.
Muž a dívka jdou po dlážděném chodníku.
Žena s růžovými vlasy je na chodníku a drží růžové psy.
Muž v obleku drží nápoj v kelímku, který jde po chodníku vedle městského autobusu.
Muž skáče s kamenným útvarem v pozadí.
Člověk v červené bundě s černých kalhotách drží v ruce stuhy.
Žena si dává ruku na člověka sedící na vozíčku.
Muž v bílé zástěře vaří něco s vajíčky na muže v hnědém bundě.
Žena s tlačí telefonem a hlavami čeká na přechodu.
Skupina mužů jde po městské ulici.
silnici vedle zajímavého místě s mnoha sloupy.
Skupina lidí v černém stojí na molu poblíž dlouhé konstrukce.
Muž nese několik lidí.
Muž středního věku sedí a hraje na akordeon.
Dívka s zelenými rukou, vlasy, který kravatě a s nášky stojí venku.
Mladá dívka v růžovém triku běží po pláži směrem k oceánu.
Skateboardista v černém triku a džínách bruslí ve městě.
Muž v bundě fotí velkou budovou.
Lidé na kraji fotbalového zápasu.
Na této fotce je rodina na rušné ulici ve městě.
Skupina lidí jde po ulici ve slunci.
Žena poblíž zasažního světla s několika lidmi, včetně muže v hnědém kabátě a slunečních brýlích s rukou na tváři.
Nějací lidé jsou u okna.
Tento hráč s modrou helmou je na pálkou a právě vylálá do míče během týmů.
Žena v zlatém kabátě je výlátku aby chytil metro.
Nějací lidé sedí na lavičkách pod řadou stromy před budovou.
Muž v obleku sedí na autobusové zastávce.
Afroameričan, který je obklopena prázdným kyblíkem a tmavě barevném kýblem a tmavě barevné bedky, který má na kartonovou skovku.
Mladá brunetka jí a pije něco.
Muž v obleku a klobouku hraje na kytaru na ulici.
Žena v červené vestě pracuje na počítači.
Lidé stojí okolo vtodě, stože se kouře do svého obličeje.
Muž používá zrcadly, aby se svou kravatou.
Nesisi je obklopena diváky, zatímco šťastný dav sedí a poslouchá.
Dva mladí muži jedou na velmi malé koni s taženou vozíky plném brambory.
Žena v šatech jde po ulici kolem staveniště.
Muž v obchodě s potravinami, zatímco se zákazníki svou alkoholem na jeho chádku.
Muž se slunečními brýlemi, který obsluhuje konstrukci a vyklálá štěrk na zemi.
Dítě si hraje s hračkami a dívá se na černé a bílé kočka.
Dospívající dívka nese kytaru v lese.
Muž s batohem jde po ulici.
Dva muži si povídají před obchodem s obchodem v chodě.
Žena v černém drží něco v tlamě.
Skupina lidí sedí venku okolo malého stolu.
Muž jede na kole na rampě.
Žena v černém tílku a s křížem se dívá do dáli u dáli.
Tři mladé dívky jdou po chodníku.
Žena s dlouhými vlasy je na gramovu.
Muž jede na skateboardu na silnici, zatímco jiný muž pozoruje z chodníku.
Muž v černé kožené bundě stojí před cedulí.
Muž a žena zpívají venku venku.
Mladá dívka s kudrnatými blonďatými vlasy v bílém triku leží na trávě a drží květin.
Mladá žena se zelenými uniformách předvádí kátku.
Žena na veřejnosti na veřejnosti za žlutým páskem.
Muž se krčí, zatímco dělá žisi, zatímco ho holuba v pozadí.
Skupina mužů stojí na poli a černých míč.
rušná den na místním městě na místním městě.
Muž s cigaretou v tlamě spravuje talíř.
Dvě skupina plavců se brodí.
Lidé sedí na lavičce na městském náměstí s žažní předměty, včetně lampy a šaty, který stojí poblíž.
Stavební dělníci obují díru s kbelíkem.
Muž bez trika v černých šortkách stojí na kamenné břehu k velké vodní plochy.
Oda je na chodě, zatímco se dívá na chod.
Lidé hrají kulečník, jeden je v modré košili a jiní žena, a jiní žena, a jiní žena, který se drží sousku.
Lidé stojí před sochou obklopený vodou.
Žena se dívá na muže s roztaženýma rukama.
Muž středního věku v bílých šortkách a žabkách se dívá na silnici.
Dva muži v tmavéch oranžových si a sandálech stojí u velké reflexní sochy.
Dva lidé jsou na jejich lodi v jejich lodi.
Muž a žena stojí na ulici ve městě.
Hasiči se z metra z metra.
Čtyři muži, tři z nich má na sobě chovky, sedí na modro----------žovní zelené skovku.
Toto je velký skupina lidí sedící venku na lavičkách.
Muž v červeném triku jde kolem tyrkysově a bílé kostkovaného stánku s nápisem "Jo"
Doktoci předvádí nějaký druhy.
Starší muž s cigaretou v puse a kšiltovce zkoumá svůj foťák.
Malý orchestr si hraje s otevřenými housle před otevřenými housle.
Muž v červeném obleku tancuje s ženou.
Dva lidé se dívají na noci v noci ve městě.
Dva cyklisté s ochrannými ochrannými vybavením, jeden ve vzduchu za skoku a druhý se dívá na jeho motorce.
Několik mužů oblečených v oranžové se shromáždili na venkovní akci.
Dvě mladé dívky běží po chodníku venku před cihlovou budovou s prapory.
Dva lidé lezou po prudké hory.
Dítě leží na zemi vedle kočárku.
Pes táhne muže a žena.
Skupina lidí na trhu se dívá na různé různé věci.
Dva mladí muži hrají na elektrickou kytaru na elektrickou kytaru.
Potetovaný muž nalévá pivo z láhve do láhve.
Dva lidé stojí venku vedle vyfukuje hračky a kontejnery.
Čtyři lidé jedou na kolech po ulici poblíž rušné ulice.
Žena v růžovém triku a s brýlemi.
Žena v červeném triku zvedá ruku, aby za ním je dav.
Chlapec v bílých šortkách skáče do jezera nebo řeky.
Malá dívka se dívá skrz dalekohled na pláži.
Několik dělníků v oranžových bezpečnostních vestách kope do země.
Člověk v kapuci stojí před budovou.
Stavební dělníci sbírají na svého stavbě.
Muž jede na koni s nějakými dalšími muži, který dělá za ním.
Afroameričan jde po ulici.
Dva jsou jsou na fotce pózuje.
Žena s neonově sluchátky píše do sešitu.
Žena v zeleném triku skládě mluví do telefonu.
Malé africký dítě nese mladší dítě na zádech.
Skupina lidí sedí na židlích.
Člověk v šátkem stojí na ulici před svým věcmi.
Orientální člověk v červeném triku a černých kalhotách se krčí přes kabelku na betonu.
Černý pes a hnědý pes s míčem.
Muž s černou vestou drží model letadla.
Muž na poli s výhledem na výhled.
Muž v obleku a kravatě a žena s zavazadly a žena s zavazadly v čeká v Londýně.
Dítě jde po chodníku s několika americkými vlajkami.
Černý pes běží na zelené trávě s hračkou v tlamě.
Postarší cesta čeká na svou chádku na svou chádku.
Pes se otáčí na trávě, aby zalál míč.
Skupina studentů sedí a poslouchá.
Lidé řídí na skůtrech po ulici v noci.
Velký šedý na kole a muž na kole.
Muž v oranžovém triku a blonďatý chlapec jedou s dalšími lidmi na "Posu.
Mladý muž a žena poblíž velké kovové sochy.
loďka v červeno------ modrém a modré se dívá na molu.
Muž v černé čepici fotí na rušné ulici.
Muž stojí na rušné ulici a dívá se s hlavou na hlavě.
Žena v černém má na ramenou malé dívka ve žlutých šatech.
Skupina lidí na ulici na ulici.
Horský cyklista je zaklována jiného.
Tři lidé jdou po horské stezce, zatímco jedna žena se dívá na kameru.
Několik asiatů v černém oblečení v nějakém nádraží.
Žena v červené sukni jde po ulici s graffiti v pozadí.
Gymnastka v modro růžovém oblečení předvádí skládku.
Lidé v bílých šatech sedí na kraji fontány, žena v bílých šatech sedí na kraji.
Muž sedí na lavičce pod velkým stromem.
Tři muži v červeno- bílých pruhovaných tričkách, bílých kalhotách a černých kloboucích drží vlajky.
Lidé obdivuje práci umění.
Mnoho asijského centra s papírem a obchody.
Tito lidé lezou po schodech aby na horu.
Malé dítě v modrém oblečení se dívá z nějakých stromů v dáli.
Lidé se dívají na děti v obchodě.
Muž s čepicí hraje na buben na ulici.
Chlapec stojí se třemi dívky.
Usmívající se muž s batohem drží svůj ruce před klukem v brýlích.
Čtyři muži jsou venku a dívají se přes zelenou most.
Žena na ručníku před lidmi si užívá modré vody.
Dospělýý ovčák běží za běžícím ovčákem.
Kádi v obchodě a skovky s jídlem ve vzduchu a posavní město.
Afroameričan, který protestuje proti nesažné sádky.
Policista je na kole a čeká na světle výta.
Skupina mužů sedí okolo stolu.
Střední skupina mužů v parku, včetně starší muži pijí nápoje v parku.
Žena mluví s kamarádem, zatímco se prochází venku ve slunečný den.
Mladý muž v šedé a černém triku a bílé čelence.
Dva lidé jedou na motorce podél mnoha dalšími jezdců.
Dvě ženy ve vojenské uniformě stojí s dalšími vojáky v útvaru.
Tři dívky se usmívají na fotku.
Žena v černém s sedátou brýlemi a žlutou svetrem se dívá posaže, zatímco sedí na béžovém lavičce.
Muž s červenými vlasy pije z vodního fontány a žena.
Dva muži a žena jdou po městské ulici.
Muž středního věku s červenými vlasy a brýlemi drží nemluvně.
Mladý chlapec v červené kšiltovce jede na koni.
Dva chlapci si hrají na chodníku.
Malá dívka v černém plavkách drží lopatu na pláži.
Starý muž v klobouku a kabátě spí na gauči.
Dva chlapci se dívají nahoru na oblohu a mává se rukama a jsou oblečeni v oblečení, až jsou v oblečení.
Mladý pár sedí na chodníku a relaxují spolu.
Mladík v triku a kravatě se krčí a ukazuje gesto vítězství.
Tři lidé sedí u stolu venku před obchodem Beskos.
Kluk v černém triku a červené zakládky visí vzhůru nohama zatímco ostatní lidé se dívají.
Muž jde před barevným zdí.
Mladý muž, který jde s druhý mladým muži, který má na zádech na tří dívky, který je právě.
Muž kmene s stromem v venkovní kavárně.
Pět lidí jde nahoru po schodech, v růžovém triku a hnědé sukni.
Skupina lidí na venkovním trhu.
Dva chlapci jedí svůj svůj jídlo ve venkovním sedadle, obklopena dalšími lidmi.
Žena v džínové bundě jde po chodníku.
Muž řídí čtyřho vozidla s čtyř pasažéry jedou na zádech a muž sedí na zemi.
Muž v modrém triku čte noviny.
Chlapec v kočárku má na sobě zelené košili a drží knihu.
Dvě děti sedí u boku a jedí zkovky.
Lidé jedou na kolech na ulici a jsou v helmách.
Dav lidí na kolech.
Muž, který sedí na nástupišti s kolemmysem.
Muž na kole šlape skrz oblouk.
Muž oblečený v barevném oblečení s omátky sedí a kouří cigaretu.
Dva muži v oblecích pod deštníkem a před graffiti.
Starý muž s špinavým bílým košili jede na kole na ulici.
Muž na koni se pokouší blokovat mladého býka.
Kovboj se pokouší chytit tele, zatímco jede na koni.
Dva cyklisté v helmách jedou kolem nějakých prázdnéch poli.
Muž se opírá přes něco a táhne něco z tašku.
Muž v motorovém vozíku jede kolem v parku v parku.
Osoba s tetováním se dívá na fotku na digitálním kameru a mobilním telefonu.
Muž v černém triku a džínách stojí na chodníku a dívá se na kameru.
Chlapec a dívka stojí spolu na chodníku, zatímco se dívají na předmět.
Několik lidí v modrém oblecích a jeden v sukni a černé blůze.
Žena a pes sedí na bílé lavičce poblíž pláže.
Dvě ženy jdou po hlíně před velkou budovou.
Skupina mužů a dítě v bílých tričkách stojí na silnici.
Žena v černém nese černou tašku na chodníku.
Skupina mužů sedí okolo stolu a povídají si.
Žena na kraji budovy.
Asiat v rukavicích pracuje u stánku s jídlem.
Žena sedí u stolu a pracuje na počítači.
Člověk se dívá na počítač na stole s telefonem a krabici.
Muž sedí na židli a dívá se na lidi.
Dva lidé v kloboucích stojí na poli a sklá o krátu.
Několik skáče přes vysokého tyč v Fusu.
Muž oblečený v botách a kovbojském klobouku sedí na koni, který skáče, zatímco diváci sedí v stojí.
Dvě mladé dívky sedí na ulici a jedí kukuřici.
Tři děti ve fotbalové uniformách dvou různých tým hrají fotbal na fotbalovém hřišti, zatímco druhý muž a dospělý stojí v pozadí.
Mladé dítě s špinavým obličejem je držena stará ženou.
Muž s brýlemi se dívá do foťáku, zatímco jiný muž v modré košili se dívá na něco.
Dva lidé sedí pod stromem s zelenou zeleninou.
Mladý chlapec v modré kšiltovce se dívá skrz dalekohled, zatímco jiný chlapec pozoruje.
3 muži vaří v malém kuchyni.
Mladá dívka v šedé kombinéze lyžuje na zasněženém hoře.
Skupina ve vesnici se shromáždila v tančí.
Muž a žena jsou v prádelně s lasem s lasky.
Mladá dívka sedí na dřevěné židli.
Dva pracovníci sváří tyč přes plot poblíž rušného ulice.
Dlouhovlasý mladý muž skateboarduje na zábradlí v oblačném dni.
Na venkovním trhu se dvěma muži lopatou sníh a zklá z cesty.
Muž v bílém triku hraje na bílou kytaru.
Mladá dívka ukazuje své kamarádi, jak používat svilá do fotoaparátu.
Malý chlapec skáče z mola do jezera.
Dáma se zeleným maskou na žádku a právě se velmi zdavky.
Muž v oranžové bundě a modré čepici leze po zasněženém hoře.
Malá dívka s blonďatými vlasy si hraje a cáká v blátě.
Dítě jede na kole po uličce s graffiti.
Gymnasta je na akci na akci.
Lidé jdou po ulici s pouličním prodejem.
Muž oblečený v tradičním šatech, který stojí vedle svého, aby se zdá, že je vyskoláně, že je vyskoláně, že je vykolálně.
Dvě děti si hrají na kole.
Dva muži na opačných tým hrají fotbal na hřišti.
Muž skáče a pózuje na zemi a pózuje na zemi.
Dívka si dává nápoj z fontány.
říkládka nalévá vodu během svého dne.
Muž v laboratorním kabátě se dívá skrz mikroskop.
Blondýna spí na hnědém gauči.
Muž zametá chodník venku před cihlovou budovou během dne.
Tři muži vaří v kuchyni.
Muž na lešení před domem se usmívá a pózuje na fotografa.
Dvě dívky v šortkách se drží za ruce v bazénu.
Čtyři asijské děti sedí na lavičce a vlně a usmívají se do fotoaparátu.
Děti jedou na kolech v něčem, co vypadá jako chádi.
Mladý chlapec, který má na sobě kuchařské čepici a zástěře, krájí nádobí v kuchyni.
Toto je klaun na školní škol.
Usmívající se loď drží kolo na své dřevěné lodi.
Žlutý buldozer pracuje na sklátku.
Žena v červeném triku jede na bílém koni, který je žálá po stromy.
Žena sedí na velmi velkém kameni a usmívá se do fotoaparátu s stromy v pozadí.
Tři muži v jasně barevných kostýmech jsou na ulici s paruky a skovmi barevnými slunečními brýlemi.
Dívka si hraje v malém bazénu.
Dvě děti, chlapec ve žlutém triku a dívka v modro-bílých pruhy, se houpe.
Muž hází rybářský síť do vzduchu.
Muž v šedé košili, modrých džínách a neonově zelené bezpečnostní vestě stojí na železniční dráze s bílou dodávkou a bílou budovou v pozadí.
Dva dělníci leží na kusy kovu.
Kapela hraje na pódiu s členy v modrém.
Muž s mikrofonem do mikrofonu, zatímco hraje na bubny.
Muž, který si dává své věci z nákupního košíku, připravuje se na tom.
Muž s holí je na chodí.
Žena v bílém triku pracuje na poli.
Dívka v masce jede na ramenou na rušném chodníku.
Dvě dívky, jedna starší a jedna v černém a jedna mladší a v bílém, předvádějí míč před balónky z balónků.
Několik žen předvádí tanec před budovou.
Plešatý muž jde po chodníku ve městě a mluví do mobilu.
Žena si hraje s prstem, zatímco malé dítě v kostýmu prochází kolem.
Skupina lidí se dívají na mladého mužů, který hraje na bubny a používá skovní kyblíky na hudební nástroje.
Dívka s říkolou a řísy bezpečnostními vybavením jede na kolečkových bruslích.
Malý bílý auto je na vlakovém železničním kole a posažní nebo zvasi, které jsou za ním.
Dva kameni zpívají a hrají si na tmavé pódiu.
Dívka v baseballové čepici, bílém triku a modrých šortkách stojí v kameni, zatímco jsou lesem.
Dva muži hrají na kytaru před velkým publikem.
Několik lidí tančí s svých nápisem a ostatní předtolálou.
Žena a pes prodává zboží na staré budově stojí venku.
Žena a dva muži, které jsou oblečeni, mají diskuzi.
Skupina mužů v červeno- černých bundách čeká na motorkách.
Muž oblečený v bílém dresu s číslem 3mi hraje fotbal.
Muž prodává svačiny na sportovní akci.
Dva muži z zeleného týmu se pokouší z černého týmu pro míč ve hře rugby.
Děti závodí, aby zallál fotbalový míč.
Člověk v modrém je na ulici, který hází míček na bowlingové dráze.
Několik fotbalistů na hřišti v akci.
Mladý muž sedí na skateboardu a drží mobil a pózuje na eskalátoru.
Žena oblečená v modrém běží maraton.
Tato kapela se připravuje na vystoupení před publikem v kostele.
Hráč amerického týmu s číslem "8" se pokouší blokovat.
Dva muži, jeden z nich jsou na ledu, který zametá cestou před oklými skálu, malý dav sleduje.
Muži hrají fotbal na bahnitém hřišti.
Basketbalista v bílém dřepí, zatímco hráč v červeném je k něj.
Lidé jdou po oblouku v starém městě.
Dva závodní auta, jeden červené a druhý modré, projíždí kolem po dráze.
Fotbalista v bílém dresu drží míč.
Velmi mladý chlapec se dívá před malým předmětem.
Žena a dítě jdou po ulici.
Hokejé hry je obklopena spoustou lidí.
Tři ženy skáčou na míč v trávě.
Afroameričan, který má modré šortky, černé a červené, a bílých a tenis, hraje tenis.
Muž a žena v bílých tričkách se objímají.
Muž mluví k rodinu a drží nějaké druhy zařízení, zatímco se dívají a smějí se a smějí se.
Mladý mladý chlapec v zeleném triku leží na bílém posteli.
Pxtrémný cyklista se zastavil, aby si osažuje slunce v pozadí.
Žena se dívá na zasněženém prostoru v teplém oblečení.
Čtyři dívky a žena, jak se učí na nějakém výrobu.
Muž v černé a bílé pruhy se pokouší o koně.
Muž se dívá na obrázek, která žena v modrém triku je na něj.
Žena s červenými vlasy je zakolá v oblačném modrém vodě.
Dva mladí chlapci pózují s štěněm pro rodinu.
Čtyři děti trénují karate, zatímco dva dospělí sledují.
Muž se na červené gauči v nábytku.
Skupina lidí mluví u stolů.
Dva koně závodí, jeden v kostkované a červené a druhý v oranžové a hnědé, závodí na zakovní pozadí.
Černý auto je před dvěma auty v pozadí.
Velký býk se dívá na muže, který se natahuje, v rodeu s jeho rohy, zatímco jeho klaun běží k pomáhá.
Muž bez trika jde směrem k žluté kajaku.
Chlapec na pistole a střílí.
Dva týmy hrají fotbal v písku.
Dítě v modrém a dítě v bílém stojí narátké betonové zdi u potoka.
Žena maluje květin na hliněném hrnce.
Lidé jdou po rušné ulici v cizí zemi.
Neslálá nadhazovače se chystá drže.
Dva muži, jeden v černé a bílé a druhý v červeném, hrají plážový volejbal.
Muž stojí v lodi a drží nějaké sítě.
Surfař, který spadl z svého surfu v oceánu, zatímco se pokouší na vlny.
Muž se připravuje sádky v labora.
Fotbalisté skáčou do vzduchu aby se trefi míč s hlavami.
Dva chlapci hrají fotbal na sebe.
Starší člověk přechází ulici s deštníkem v ruce.
Skupina běžců běží směrem k dvěma chrasky.
Skateboardista jede na betonové zdi, poblíž nich se pokouší trik.
Lidé hrají hru v bazénu.
Muž se líbá na chlapu.
Muž, který cedule skoláku v mladého chlapce.
Mladý muž v modré košili sjíždí zábradlí na skateboardu v městské oblasti.
Asijský muž sedí na železniční trati s chádky.
Muž s brýlemi v vojenské uniformě mává své klobouk s pozadí lidmi sedícími na zádech a dívá se do vody.
Dvě auta jede na závodní dráze.
Muž v černé a bílém dresu drží žlutou skovku a připravuje se.
Dva lidé leží a líbají se na travnaté trávníku.
Velmi mladé dítě v džínové kšiltovce jí zelené jablko.
Fotbalista běží, aby se dostali míč.
Muž v černé bundě a kostkované čepici hraje na elektrickou kytaru na pódiu s zpěvák a druhý v pozadí.
Muž skáče přes překážku od býka.
Žena v modrém triku a bílých šortkách hraje tenis.
Muž hraje na koncertě na koncertě.
Muž nese velký kus kovu na jeho rameni skrz kádku.
Žena s kamerou hází frisbee pro svého psa, aby chytil.
Je tam muž a žena se dívá na chusku nebo ostatní velké řívní dřevěné věci.
Dvě dívky si na fontáně v kašně, zatímco lidé jdou kolem.
Mokrý, usmívající se dítě bez trika pózuje s roztaženýma rukama.
Dva muži, jeden v bílém a druhý v modrém, zápasí.
Žena v červených bikinách skáče do míče a hraje volejbal na pláži.
Oranžové pruhovaných pruhovaných kosklá blonďatá dívka na nose.
Žena, která má na sobě žluté zástěře, si fotí z velkého hrnce.
Dvě děti přechází malou most a používá kamennou most.
Dvě africké ženy jedou na mopedu po ulici ve městě, které vypadá jako výláně ve velké městské oblasti.
Dva chlapci před sodovkem strojem.
Jezdec na kole v černém jede po prašné cestě v horském kole.
Žena s tetováním fotí obraz s mobilem.
Žena ve skovu černém oblečení a bílé helmě jede na kole s rozmazanými stromy v pozadí.
Tým cyklistů se připravuje, zatímco poblíž diváci fandí.
Čtyři fotbalisté v černém jsou sráží protihráče, zatímco je v bílém, zatímco je v bílém.
Běžec, který je posaže na dvorku, zatímco se namálá o dvěma skovky.
Basketbalista v bílém dresu s číslem 55 na kole je hráč v černém dresu s číslem 4.
Muž mluví venku na telefonu.
Baseballový hráč se během hry sledují soupeře v pálkou.
Terénní cyklista dělá skovku v lese během podzim.
Tři hráči hráči se snaží k míč a jeden v červeném dresu se snaží chytit míč v bílém dresu.
Chlapec skáče do vzduchu, zatímco skáče do vzduchu.
Dvě děti v pruhovaném svetru a černých kalhotách jsou venku poblíž stromu.
Muž ve slunečních brýlích jede na koloběžce.
Malý chlapec v baseballovém oděvu drží pálku za hlavou s baseballovou ve před ním.
Šest mužů sedí na poli na poli s dřevěnými bedky.
Hnědý pes sbírá z kamenného povrchu.
Tento je muž ve žlutém drží za ruce hnědého koně.
Muž v bílé košili a zástěře krájí ptáka.
Hispánka používá venku venku aby vaří.
Maratoni běžci závodí na městské ulici, ostatní lidé stojí okolo.
Asiatka v letním klobouku jede na kole.
Nějací děti si hrají v hlíně, kde jsou dva stromy.
Starší muž hraje videohru a video.
Dívka na břehu pláže s horou v dáli.
