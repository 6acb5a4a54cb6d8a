package dev.bazaar.shop.catalog;

import static dev.bazaar.shop.catalog.Spec.spec;
import static dev.bazaar.shop.catalog.Text.t;
import static dev.bazaar.shop.catalog.Variant.v;
import static dev.bazaar.shop.catalog.Vocabulary.BLACK;
import static dev.bazaar.shop.catalog.Vocabulary.BLUE;
import static dev.bazaar.shop.catalog.Vocabulary.CARDBOARD;
import static dev.bazaar.shop.catalog.Vocabulary.CHINA;
import static dev.bazaar.shop.catalog.Vocabulary.GREEN;
import static dev.bazaar.shop.catalog.Vocabulary.GREY;
import static dev.bazaar.shop.catalog.Vocabulary.PINK;
import static dev.bazaar.shop.catalog.Vocabulary.PLASTIC;
import static dev.bazaar.shop.catalog.Vocabulary.RED;
import static dev.bazaar.shop.catalog.Vocabulary.RUSSIA;
import static dev.bazaar.shop.catalog.Vocabulary.YELLOW;

import java.util.List;

/** Word lists of the leisure categories: sports and fitness, books, toys, pet supplies. */
final class LeisureGoods {

    private static final List<Kind> SPORTS_KINDS = List.of(
            new Kind(t("Гантели разборные", "Adjustable Dumbbells"), new Range(2990, 24990), new Range(10, 40),
                    t("чугун", "cast iron"), t("хромированные грифы с насечкой", "knurled chrome-plated handles"),
                    List.of(t("гантели", "dumbbells"), t("силовые тренировки", "strength training")),
                    List.of(v("2×5 кг", "2×5 kg", "weight_kg", 10), v("2×10 кг", "2×10 kg", "weight_kg", 20),
                            v("2×15 кг", "2×15 kg", "weight_kg", 30), v("2×20 кг", "2×20 kg", "weight_kg", 40))),
            new Kind(t("Виниловые гантели", "Vinyl Dumbbells"), new Range(490, 2990), new Range(2, 10),
                    t("чугун в виниловой оболочке", "vinyl-coated cast iron"),
                    t("мягкое покрытие, которое бережёт пол", "a soft coating that spares the floor"),
                    List.of(t("гантели", "dumbbells"), t("фитнес", "fitness")),
                    List.of(v("2×1 кг", "2×1 kg", "weight_kg", 2), v("2×2 кг", "2×2 kg", "weight_kg", 4),
                            v("2×3 кг", "2×3 kg", "weight_kg", 6), v("2×5 кг", "2×5 kg", "weight_kg", 10))),
            new Kind(t("Неопреновые гантели", "Neoprene Dumbbells"), new Range(590, 3490), new Range(1, 8),
                    t("чугун в неопреновой оболочке", "neoprene-coated cast iron"),
                    t("нескользящее покрытие", "a non-slip coating"),
                    List.of(t("гантели", "dumbbells"), t("аэробика", "aerobics")),
                    List.of(v("2×0,5 кг", "2×0.5 kg", "weight_kg", 1), v("2×1 кг", "2×1 kg", "weight_kg", 2),
                            v("2×2 кг", "2×2 kg", "weight_kg", 4), v("2×4 кг", "2×4 kg", "weight_kg", 8))),
            new Kind(t("Гиря чугунная", "Cast Iron Kettlebell"), new Range(1490, 9990), new Range(8, 24),
                    t("чугун", "cast iron"), t("широкая ручка для хвата двумя руками", "a wide two-hand handle"),
                    List.of(t("гиря", "kettlebell"), t("кроссфит", "crossfit")),
                    List.of(v("8 кг", "8 kg", "weight_kg", 8), v("12 кг", "12 kg", "weight_kg", 12),
                            v("16 кг", "16 kg", "weight_kg", 16), v("24 кг", "24 kg", "weight_kg", 24))),
            new Kind(t("Коврик для йоги", "Yoga Mat"), new Range(790, 4990), new Range(0.8, 2.5),
                    t("ТПЭ", "TPE"), t("рельефная нескользящая поверхность", "a textured non-slip surface"),
                    List.of(t("йога", "yoga"), t("коврик", "mat")),
                    List.of(v("4 мм", "4 mm", "thickness_mm", 4), v("6 мм", "6 mm", "thickness_mm", 6),
                            v("8 мм", "8 mm", "thickness_mm", 8), v("10 мм", "10 mm", "thickness_mm", 10))),
            new Kind(t("Скакалка скоростная", "Speed Jump Rope"), new Range(290, 1990), new Range(0.15, 0.4),
                    t("сталь и ПВХ", "steel and PVC"),
                    t("подшипники в ручках для быстрого вращения", "ball bearings in the handles for fast spins"),
                    List.of(t("скакалка", "jump rope"), t("кардио", "cardio")),
                    List.of(v("2,8 м", "2.8 m", "length_m", 2.8), v("3 м", "3 m", "length_m", 3),
                            v("3,2 м", "3.2 m", "length_m", 3.2))),
            new Kind(t("Эспандер ленточный", "Resistance Band"), new Range(390, 2490), new Range(0.2, 0.6),
                    t("латекс", "latex"), t("удобный чехол для хранения", "a handy storage pouch"),
                    List.of(t("эспандер", "resistance band"), t("фитнес", "fitness")),
                    List.of(v("лёгкое сопротивление", "light resistance", "resistance", "light"),
                            v("среднее сопротивление", "medium resistance", "resistance", "medium"),
                            v("сильное сопротивление", "heavy resistance", "resistance", "heavy"))));

    static final Category SPORTS = new Category("sports", t("Спорт и фитнес", "Sports & Fitness"), "SPT", 9,
            Naming.BRANDED, List.of("IronBody", "FitLine", "ProSport", "Atletika", "Stayer"), SPORTS_KINDS,
            new Copy(List.of(t("надёжная конструкция", "a sturdy build"),
                    t("износостойкие материалы", "wear-resistant materials"), t("удобный хват", "a comfortable grip"),
                    t("компактное хранение", "compact storage")),
                    List.of(t("Подходит для домашних тренировок и спортзала.", "Suits home workouts and the gym."),
                            t("Поможет держать форму круглый год.", "Helps you stay in shape all year round."),
                            t("Отличный выбор для новичков и опытных спортсменов.",
                                    "A great pick for beginners and seasoned athletes alike."))),
            new Traits(List.of(BLACK, GREY, BLUE, RED, PINK, GREEN), List.of(6, 12),
                    List.of(spec("country_of_origin", CHINA, RUSSIA, t("Тайвань", "Taiwan"))), true));

    private static final List<Kind> BOOK_KINDS = List.of(
            book(t("Тайна старого маяка", "The Secret of the Old Lighthouse"), 390, 1490,
                    t("детектив с неожиданной развязкой", "a mystery with a surprising twist"),
                    t("детектив", "mystery"), t("художественная литература", "fiction")),
            book(t("Дорога на север", "The Road North"), 390, 1690,
                    t("роман о большом путешествии", "a novel about a great journey"),
                    t("роман", "novel"), t("художественная литература", "fiction")),
            book(t("Основы программирования на Java", "Java Programming Basics"), 890, 3490,
                    t("практическое руководство с примерами кода", "a hands-on guide with code samples"),
                    t("программирование", "programming"), t("java", "java")),
            book(t("Кулинария без спешки", "Unhurried Cooking"), 590, 2990,
                    t("сто простых рецептов на каждый день", "a hundred simple everyday recipes"),
                    t("кулинария", "cooking"), t("рецепты", "recipes")),
            book(t("Сказки лесной поляны", "Tales of the Forest Glade"), 290, 1490,
                    t("добрые сказки для чтения перед сном", "gentle bedtime stories"),
                    t("сказки", "fairy tales"), t("детские книги", "children's books")),
            book(t("Краткая история морей", "A Short History of the Seas"), 490, 1990,
                    t("научно-популярный рассказ об океанах", "a popular-science story of the oceans"),
                    t("история", "history"), t("нон-фикшн", "non-fiction")),
            book(t("Атлас звёздного неба", "Atlas of the Night Sky"), 690, 2990,
                    t("подробные карты созвездий", "detailed constellation charts"),
                    t("астрономия", "astronomy"), t("атлас", "atlas")));

    static final Category BOOKS = new Category("books", t("Книги", "Books"), "BOK", 8, Naming.TITLE,
            List.of("Litera", "Parus", "Severnaya Kniga", "Azbuka Press", "Knizhny Dvor"), BOOK_KINDS,
            new Copy(List.of(t("качественная офсетная бумага", "quality offset paper"),
                    t("удобный шрифт", "an easy-to-read typeface"), t("аккуратная вёрстка", "a neat layout"),
                    t("подробное оглавление", "a detailed table of contents")),
                    List.of(t("Отличный подарок для любителей чтения.", "A fine gift for book lovers."),
                            t("Книга на русском языке.", "The book is in Russian."),
                            t("Один из бестселлеров сезона.", "One of the season's bestsellers."))),
            new Traits(List.of(), List.of(),
                    List.of(spec("pages", 192, 256, 320, 384, 448, 512), spec("language", t("русский", "Russian")),
                            spec("illustrated", true, false)), true));

    private static final List<Kind> TOY_KINDS = List.of(
            new Kind(t("Конструктор", "Building Blocks Set"), new Range(790, 12990), new Range(0.4, 2.5),
                    t("ABS-пластик", "ABS plastic"),
                    t("совместимость с популярными наборами", "compatibility with popular brick sets"),
                    List.of(t("конструктор", "building blocks"), t("развивающие игрушки", "educational toys")),
                    List.of(v("250 деталей", "250 pieces", "pieces", 250),
                            v("500 деталей", "500 pieces", "pieces", 500),
                            v("1000 деталей", "1000 pieces", "pieces", 1000))),
            new Kind(t("Мягкая игрушка «Медведь»", "Plush Teddy Bear"), new Range(490, 3990), new Range(0.2, 0.9),
                    t("плюш", "plush"), t("гипоаллергенный наполнитель", "hypoallergenic stuffing"),
                    List.of(t("мягкие игрушки", "soft toys"), t("медведь", "teddy bear")),
                    List.of(v("25 см", "25 cm", "height_cm", 25), v("40 см", "40 cm", "height_cm", 40),
                            v("60 см", "60 cm", "height_cm", 60))),
            new Kind(t("Радиоуправляемая машина", "Remote Control Car"), new Range(1490, 9990), new Range(0.5, 1.8),
                    PLASTIC, t("пульт с плавным управлением", "a proportional remote control"),
                    List.of(t("машинка", "toy car"), t("радиоуправление", "rc")),
                    List.of(v("масштаб 1:24", "1:24 scale", "scale", "1:24"),
                            v("масштаб 1:16", "1:16 scale", "scale", "1:16"),
                            v("масштаб 1:10", "1:10 scale", "scale", "1:10"))),
            new Kind(t("Кукла", "Fashion Doll"), new Range(690, 4990), new Range(0.2, 0.6),
                    t("пластик и текстиль", "plastic and textile"),
                    t("подвижные суставы и сменные наряды", "posable joints and spare outfits"),
                    List.of(t("кукла", "doll")),
                    List.of(v("30 см", "30 cm", "height_cm", 30), v("40 см", "40 cm", "height_cm", 40),
                            v("50 см", "50 cm", "height_cm", 50))),
            new Kind(t("Настольная игра", "Board Game"), new Range(590, 4490), new Range(0.4, 1.5),
                    CARDBOARD, t("понятные правила на русском языке", "clear rules in Russian"),
                    List.of(t("настольные игры", "board games"), t("семейные игры", "family games")),
                    List.of(v("2–4 игрока", "2–4 players", "players", "2-4"),
                            v("2–6 игроков", "2–6 players", "players", "2-6"),
                            v("3–8 игроков", "3–8 players", "players", "3-8"))),
            new Kind(t("Пазл", "Jigsaw Puzzle"), new Range(290, 1990), new Range(0.3, 1.2),
                    CARDBOARD, t("плотный картон и точная нарезка", "thick card and precise cutting"),
                    List.of(t("пазлы", "puzzles")),
                    List.of(v("500 элементов", "500 pieces", "pieces", 500),
                            v("1000 элементов", "1000 pieces", "pieces", 1000),
                            v("1500 элементов", "1500 pieces", "pieces", 1500))));

    static final Category TOYS = new Category("toys", t("Игрушки", "Toys"), "TOY", 8, Naming.BRANDED,
            List.of("ToyLand", "Kubik", "SmartKids", "Mishutka", "Vesyolka"), TOY_KINDS,
            new Copy(List.of(t("безопасные материалы", "child-safe materials"), t("яркие цвета", "bright colours"),
                    t("развитие мелкой моторики", "a boost for fine motor skills"),
                    t("прочная подарочная упаковка", "sturdy gift-ready packaging")),
                    List.of(t("Порадует и детей, и взрослых.", "Delights kids and grown-ups alike."),
                            t("Отличный подарок на день рождения.", "A great birthday present."),
                            t("Соответствует требованиям безопасности ЕАЭС.", "Meets EAEU safety requirements."))),
            new Traits(List.of(t("разноцветный", "multicolour"), RED, BLUE, YELLOW, PINK), List.of(),
                    List.of(spec("age", "3+", "6+", "8+"), spec("country_of_origin", CHINA, RUSSIA)), true));

    private static final List<Kind> PET_KINDS = List.of(
            new Kind(t("Сухой корм для кошек", "Dry Cat Food"), new Range(290, 4990), new Range(1.5, 10), null,
                    t("полнорационный корм с таурином", "complete nutrition with taurine"),
                    List.of(t("корм для кошек", "cat food"), t("кошки", "cats")),
                    List.of(v("1,5 кг", "1.5 kg", "weight_kg", 1.5), v("3 кг", "3 kg", "weight_kg", 3),
                            v("10 кг", "10 kg", "weight_kg", 10))),
            new Kind(t("Сухой корм для собак", "Dry Dog Food"), new Range(390, 6990), new Range(2, 12), null,
                    t("полнорационный корм для активных собак", "complete nutrition for active dogs"),
                    List.of(t("корм для собак", "dog food"), t("собаки", "dogs")),
                    List.of(v("2 кг", "2 kg", "weight_kg", 2), v("5 кг", "5 kg", "weight_kg", 5),
                            v("12 кг", "12 kg", "weight_kg", 12))),
            new Kind(t("Лежанка для питомца", "Pet Bed"), new Range(990, 5990), new Range(0.6, 2.5),
                    t("мебельная ткань и холлофайбер", "upholstery fabric and hollow fibre"),
                    t("съёмный чехол, который можно стирать", "a removable, washable cover"),
                    List.of(t("лежанка", "pet bed")), Vocabulary.LETTER_SIZES.subList(0, 3)),
            new Kind(t("Когтеточка", "Cat Scratching Post"), new Range(490, 4990), new Range(1.5, 6),
                    t("сизаль и ДСП", "sisal and chipboard"),
                    t("устойчивое основание и игрушка-дразнилка", "a stable base and a dangling toy"),
                    List.of(t("когтеточка", "scratching post"), t("кошки", "cats")),
                    List.of(v("50 см", "50 cm", "height_cm", 50), v("80 см", "80 cm", "height_cm", 80),
                            v("120 см", "120 cm", "height_cm", 120))),
            new Kind(t("Поводок-рулетка", "Retractable Leash"), new Range(490, 2990), new Range(0.2, 0.5),
                    t("пластик и нейлон", "plastic and nylon"), t("кнопка фиксации длины", "a length-lock button"),
                    List.of(t("поводок", "leash"), t("собаки", "dogs")),
                    List.of(v("3 м", "3 m", "length_m", 3), v("5 м", "5 m", "length_m", 5),
                            v("8 м", "8 m", "length_m", 8))),
            new Kind(t("Наполнитель для кошачьего туалета", "Cat Litter"), new Range(290, 1490), new Range(3, 12),
                    t("бентонитовая глина", "bentonite clay"),
                    t("комкующийся наполнитель без пыли", "a dust-free clumping formula"),
                    List.of(t("наполнитель", "cat litter"), t("кошки", "cats")),
                    List.of(v("5 л", "5 L", "volume_l", 5), v("10 л", "10 L", "volume_l", 10),
                            v("20 л", "20 L", "volume_l", 20))));

    static final Category PETS = new Category("pet-supplies", t("Зоотовары", "Pet Supplies"), "PET", 6,
            Naming.BRANDED, List.of("Lapka", "PetJoy", "Murr", "HappyTail", "ZooMir"), PET_KINDS,
            new Copy(List.of(t("одобрение ветеринаров", "vet approval"),
                    t("безопасные материалы", "pet-safe materials"), t("удобная упаковка", "convenient packaging"),
                    t("проверенное качество", "proven quality")),
                    List.of(t("Ваш питомец будет доволен.", "Your pet will be happy."),
                            t("Подходит питомцам любого возраста.", "Suits pets of all ages."),
                            t("Произведено по стандартам качества ЕАЭС.", "Made to EAEU quality standards."))),
            new Traits(List.of(), List.of(), List.of(spec("country_of_origin", RUSSIA, t("Сербия", "Serbia"),
                    t("Италия", "Italy"))), true));

    private LeisureGoods() {
    }

    /** A book: every title comes in every edition and is made of paper. */
    private static Kind book(Text title, double minPrice, double maxPrice, Text feature, Text genre, Text group) {
        return new Kind(title, new Range(minPrice, maxPrice), new Range(0.2, 1.2), t("бумага", "paper"), feature,
                List.of(genre, group, t("книги", "books")), Vocabulary.COVERS);
    }
}
