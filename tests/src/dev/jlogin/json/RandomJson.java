package dev.jlogin.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random JSON values (maps, lists, strings with any characters, numbers, booleans, null) for differential tests. */
final class RandomJson {
    private RandomJson() {
    }

    static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 7);
        switch (kind) {
            case 0: return random.nextBoolean() ? random.nextLong() : random.nextInt(1000) - 500;
            case 1: return random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 2: return random.nextBoolean();
            case 3: return null;
            case 4: {
                StringBuilder s = new StringBuilder();
                for (int i = random.nextInt(8); i > 0; i--) {
                    s.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 'a' + random.nextInt(26)));
                }
                return s.toString();
            }
            case 5: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(random, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put("k" + random.nextInt(10), value(random, depth + 1));
                }
                return map;
            }
        }
    }
}
