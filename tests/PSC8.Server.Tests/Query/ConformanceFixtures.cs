namespace PSC8.Server.Tests.Query;

/// <summary>Named data sets the conformance cases run against: collection name and its documents.</summary>
public static class ConformanceFixtures
{
    private static readonly Dictionary<string, (string Collection, string Documents)> Sets = new()
    {
        ["users"] = ("users", """
            [
              {"_key":"1","name":"John","age":35,"city":"Berlin","active":true,"tags":["a","b"],"address":{"street":"Main","zip":"10115"}},
              {"_key":"2","name":"Anna","age":22,"city":"Paris","active":false,"tags":["b"]},
              {"_key":"3","name":"Bob","age":41,"city":"Berlin","active":true,"tags":[]},
              {"_key":"4","name":"Carla","age":29,"city":"Madrid","active":true,"tags":["a"]},
              {"_key":"5","name":"Dave","age":35,"city":null,"active":false}
            ]
            """),
        ["cities"] = ("cities", """
            [
              {"_key":"berlin","name":"Berlin","country":"DE"},
              {"_key":"paris","name":"Paris","country":"FR"},
              {"_key":"madrid","name":"Madrid","country":"ES"}
            ]
            """),
        ["orders"] = ("orders", """
            [
              {"_key":"o1","user":"1","amount":10},
              {"_key":"o2","user":"1","amount":25},
              {"_key":"o3","user":"2","amount":7},
              {"_key":"o4","user":"3","amount":100}
            ]
            """),
        // The manual's observationsSampleDataset for the WINDOW examples, keys added in insertion order.
        ["observations"] = ("observations", """
            [
              {"_key":"100","time":"2021-05-25 07:00:00","subject":"st113","val":10},
              {"_key":"101","time":"2021-05-25 07:15:00","subject":"st113","val":9},
              {"_key":"102","time":"2021-05-25 07:30:00","subject":"st113","val":25},
              {"_key":"103","time":"2021-05-25 07:45:00","subject":"st113","val":20},
              {"_key":"104","time":"2021-05-25 07:00:00","subject":"xh458","val":0},
              {"_key":"105","time":"2021-05-25 07:15:00","subject":"xh458","val":10},
              {"_key":"106","time":"2021-05-25 07:30:00","subject":"xh458","val":5},
              {"_key":"107","time":"2021-05-25 07:45:00","subject":"xh458","val":30},
              {"_key":"108","time":"2021-05-25 08:00:00","subject":"xh458","val":25}
            ]
            """),
        // The manual's joinSampleDataset (toolchain/arangoproxy/internal/utils/datasets.json), keys in insertion order.
        ["join-users"] = ("users", """
            [
              {"_key":"100","name":"Abigail","active":true,"userId":1},
              {"_key":"101","name":"Fred","active":true,"userId":2},
              {"_key":"102","name":"Mary","active":true,"userId":3},
              {"_key":"103","name":"Mariah","active":true,"userId":4},
              {"_key":"104","name":"John","active":false,"userId":5}
            ]
            """),
        ["join-relations"] = ("relations", """
            [
              {"_key":"100","type":"friend","friendOf":1,"thisUser":2},
              {"_key":"101","type":"friend","friendOf":1,"thisUser":3},
              {"_key":"102","type":"friend","friendOf":1,"thisUser":4},
              {"_key":"103","type":"friend","friendOf":2,"thisUser":5},
              {"_key":"104","type":"friend","friendOf":2,"thisUser":2},
              {"_key":"105","type":"friend","friendOf":3,"thisUser":4},
              {"_key":"106","type":"friend","friendOf":3,"thisUser":1},
              {"_key":"107","type":"friend","friendOf":4,"thisUser":1},
              {"_key":"108","type":"friend","friendOf":4,"thisUser":2}
            ]
            """),
        // The documents the manual's working_with_date_time example saves, keys in insertion order.
        ["example-time"] = ("exampleTime", """
            [
              {"_key":"100","value":0,"ts":"2014-05-07T14:19:09.522"},
              {"_key":"101","value":1,"ts":"2014-05-07T21:19:09.522"},
              {"_key":"102","value":2,"ts":"2014-05-08T04:19:09.522"},
              {"_key":"103","value":3,"ts":"2014-05-08T11:19:09.522"},
              {"_key":"104","value":4,"ts":"2014-05-08T18:19:09.522"}
            ]
            """),
        ["big"] = ("big", """[{"_key":"n","n":9007199254740993}]"""),
        ["c"] = ("c", "[]"),
        ["log"] = ("log", "[]"),
    };

    public static IEnumerable<string> Names => Sets.Keys;

    public static string CollectionOf(string fixture) => Sets[fixture].Collection;

    public static IEnumerable<C8Object> DocumentsOf(string fixture) =>
        C8Json.Parse(Sets[fixture].Documents).AsArray.Select(value => value.AsObject);
}
